/// Space, tab, CR or LF: HTTP's optional white space and the line ending.
package func isHTTPWhitespace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 || byte == 10 }

extension String {
    /// Removes leading and trailing spaces, tabs, CR and LF (HTTP's optional white space).
    package func trimmingHTTPWhitespace() -> String {
        var copy = self
        return copy.withUTF8 { bytes in
            var start = 0, end = bytes.count
            while start < end, isHTTPWhitespace(bytes[start]) { start += 1 }
            while end > start, isHTTPWhitespace(bytes[end - 1]) { end -= 1 }
            if start == 0, end == bytes.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }
}
