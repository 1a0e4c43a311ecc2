/// Makes untrusted text safe to place inside the prompt's data blocks.
///
/// Values from a business context or a summary of user messages may contain
/// anything, including text shaped like our block delimiters or like
/// instructions. They are rendered on one line each, with angle brackets and
/// ampersands as entities, and their look-alikes too (so nothing can close
/// `</business_context>` or open a new tag), control characters and line breaks as spaces, and a length cap.
enum ContextText {
    static func escaped(_ value: String, maxCharacters: Int = 300) -> String {
        if needsNoChange(value, maxCharacters: maxCharacters) { return value }
        // Built as UTF-8 bytes: printable ASCII, nearly all of real data, costs one
        // comparison; only other scalars look up their Unicode category, once.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(value.utf8.count, maxCharacters * 4) + 8)
        var count = 0
        var lastWasSpace = false
        for scalar in value.unicodeScalars {
            if count >= maxCharacters {
                bytes.append(contentsOf: ellipsis)
                break
            }
            let code = scalar.value
            switch code {
            case 0x3C: bytes.append(contentsOf: lessThan)
            case 0x3E: bytes.append(contentsOf: greaterThan)
            case 0x26: bytes.append(contentsOf: ampersand)
            case 0x20...0x7E: bytes.append(UInt8(code))
            default:
                if lessThanLookAlikes.contains(code) {
                    bytes.append(contentsOf: lessThan)
                    lastWasSpace = false
                    count += 1
                    continue
                }
                if greaterThanLookAlikes.contains(code) {
                    bytes.append(contentsOf: greaterThan)
                    lastWasSpace = false
                    count += 1
                    continue
                }
                if isBreakOrInvisible(scalar) {
                    if !lastWasSpace { bytes.append(0x20) }
                    lastWasSpace = true
                    count += 1
                    continue
                }
                UTF8.encode(scalar) { bytes.append($0) }
            }
            lastWasSpace = code == 0x20
            count += 1
        }
        // Trimming walks grapheme clusters; skip it when both ends are plain ASCII.
        if let first = bytes.first, let last = bytes.last, isPlainASCII(first), isPlainASCII(last) {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
    }

    /// Angle brackets that look like `<` and `>` (full-width, small forms,
    /// CJK and mathematical angle brackets, modifier letters, Canadian
    /// syllabics): a model may read `＜/business_context＞` as the closing
    /// delimiter, so they become the same entities as the ASCII ones.
    static let lessThanLookAlikes: Set<UInt32> = [0x02C2, 0x1438, 0x2039, 0x2329, 0x276C, 0x276E, 0x2770, 0x27E8, 0x29FC, 0x3008, 0xFE64, 0xFF1C]
    static let greaterThanLookAlikes: Set<UInt32> = [0x02C3, 0x1433, 0x203A, 0x232A, 0x276D, 0x276F, 0x2771, 0x27E9, 0x29FD, 0x3009, 0xFE65, 0xFF1E]

    private static let ellipsis = Array("…".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let ampersand = Array("&amp;".utf8)

    /// Control characters, line and paragraph separators, and format characters.
    private static func isBreakOrInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .format: return true
        default: return false
        }
    }

    /// Printable ASCII with nothing to replace, within the cap, without a space at
    /// either end: most identifiers, titles and labels, returned without a copy.
    private static func needsNoChange(_ value: String, maxCharacters: Int) -> Bool {
        value.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last, bytes.count <= maxCharacters,
                  isPlainASCII(first), isPlainASCII(last) else { return false }
            return bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x3C && $0 != 0x3E && $0 != 0x26 }
        } ?? false
    }

    /// An ASCII byte that is neither white space nor a control character.
    private static func isPlainASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// A number without a needless fraction: `62000`, `3.5`, `0.25`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let rounded = (value * 100).rounded() / 100
        var text = String(rounded)
        if text.contains("e") { text = String(value) }
        return text
    }
}
