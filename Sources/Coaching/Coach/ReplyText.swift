/// Bounds a model's text by UTF-8 bytes, the unit that stored items and
/// responses are limited in. Capping by characters let combining marks
/// through: 8,000 characters made a 7.2 MB reply, stored, and every read of
/// its conversation passed Lambda's 6 MB response limit.
enum ReplyText {
    /// At most this many bytes of reply are kept (a long reply is under 10 KB):
    /// a page of 100 messages then stays well under 6 MB, even JSON-escaped.
    static let maxReplyBytes = 32 * 1024
    static let maxSuggestionBytes = 512

    /// `text` without control characters other than line breaks and tabs
    /// (JSON escapes each as six bytes), cut to `maxBytes` with an ellipsis.
    static func bounded(_ text: String, maxBytes: Int) -> String {
        capped(withoutControls(text), maxBytes: maxBytes)
    }

    /// `text` cut at a character boundary so that it and the ellipsis fit in
    /// `maxBytes`; at a scalar boundary when even the first character is
    /// larger (one letter under thousands of combining marks).
    static func capped(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        let ellipsis = "…"
        let budget = max(0, maxBytes - ellipsis.utf8.count)
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let size = text[index].utf8.count
            guard size <= budget - used else { break }
            used += size
            end = text.index(after: index)
        }
        if end == text.startIndex {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                let size = UTF8.width(scalar)
                guard size <= budget - used else { break }
                used += size
                scalars.append(scalar)
            }
            return String(scalars) + ellipsis
        }
        return String(text[..<end]) + ellipsis
    }

    private static func withoutControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isDroppedControl) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isDroppedControl($0) })
        return String(scalars)
    }

    private static func isDroppedControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
