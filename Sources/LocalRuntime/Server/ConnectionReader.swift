#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Buffered reads from one connected socket, for the HTTP/1.1 parser.
final class ConnectionReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var scratch = [UInt8](repeating: 0, count: 256 * 1024)

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(16 * 1024)
    }

    /// Whether unread bytes are buffered (a pipelined request, say).
    var hasBufferedBytes: Bool { start < buffer.count }

    /// Reads more bytes from the socket; false on end of stream or error.
    private func fill() -> Bool {
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 64 * 1024 {
            buffer.removeFirst(start)
            start = 0
        }
        while true {
            let received = scratch.withUnsafeMutableBytes { raw in
                recv(descriptor, raw.baseAddress, raw.count, 0)
            }
            if received > 0 {
                buffer.append(contentsOf: scratch[0..<received])
                return true
            }
            if received < 0, errno == EINTR { continue }
            return false
        }
    }

    /// Reads up to and including the blank line ending an HTTP head.
    /// Returns `nil` at end of stream, `.tooLarge` past `limit` bytes.
    func readHead(limit: Int) -> HeadResult {
        // Offsets are kept relative to `start`: `fill` may compact the buffer.
        var scanned = 0
        while true {
            if let end = findHeadEnd(from: start + scanned) {
                guard end - start <= limit else { return .tooLarge }
                let head = Array(buffer[start..<end])
                start = end
                return .head(head)
            }
            if buffer.count - start > limit { return .tooLarge }
            scanned = max(0, buffer.count - start - 3)
            guard fill() else { return buffer.count > start ? .truncated : .closed }
        }
    }

    enum HeadResult {
        case head([UInt8])
        case closed
        case truncated
        case tooLarge
    }

    private func findHeadEnd(from index: Int) -> Int? {
        var i = max(index, start)
        while i + 3 < buffer.count {
            if buffer[i] == 13, buffer[i + 1] == 10, buffer[i + 2] == 13, buffer[i + 3] == 10 {
                return i + 4
            }
            i += 1
        }
        return nil
    }

    /// Tells a client that sent `Expect: 100-continue` to go on with its body.
    func sendContinue() {
        let interim = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
        _ = interim.withUnsafeBytes { Socket.writeAll(descriptor, $0) }
    }

    /// Reads exactly `count` bytes; `nil` when the stream ends first.
    func readExactly(_ count: Int) -> [UInt8]? {
        if buffer.count - start < count { buffer.reserveCapacity(start + count) }
        while buffer.count - start < count {
            guard fill() else { return nil }
        }
        let bytes = Array(buffer[start..<(start + count)])
        start += count
        return bytes
    }

    /// Reads one CRLF-terminated line (without the CRLF); `nil` at end of
    /// stream or past `limit` bytes.
    func readLine(limit: Int) -> [UInt8]? {
        var scanned = 0
        while true {
            var i = start + scanned
            while i + 1 < buffer.count {
                if buffer[i] == 13, buffer[i + 1] == 10 {
                    let line = Array(buffer[start..<i])
                    start = i + 2
                    return line
                }
                i += 1
            }
            if buffer.count - start > limit { return nil }
            scanned = max(0, buffer.count - start - 1)
            guard fill() else { return nil }
        }
    }
}
