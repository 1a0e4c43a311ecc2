import Essentials
/// Minimal JSON text writing for log and metric lines.
///
/// Log lines are written on every invocation; a hand-written escaper avoids
/// building an encoder and intermediate `Data` for flat objects.
package enum JSONText {
    /// Appends `value` as a quoted JSON string. Besides what JSON requires,
    /// DEL, the C1 controls (U+0080...U+009F, which include a one-character
    /// CSI) and the line and paragraph separators are escaped too: nothing in
    /// a log line can drive the terminal or the viewer of whoever reads it.
    static func appendQuoted(_ value: String, to output: inout String) {
        output.append("\"")
        appendEscaped(value, to: &output)
        output.append("\"")
    }

    /// Appends `value` with `"`, `\\` and every control character escaped as
    /// in JSON (`\n`, `\u001b` ...), without quotes: the text log format's
    /// escaping, so that a field can neither end the line nor hide in it.
    static func appendEscaped(_ value: String, to output: inout String) {
        let utf8 = value.utf8
        var pendingStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            // Printable ASCII and most multi-byte scalars pass untouched; 0xC2
            // and 0xE2 lead the C1 controls and U+2028/U+2029.
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2 else {
                index = utf8.index(after: index)
                continue
            }
            let scalarStart = index
            let scalar = value.unicodeScalars[scalarStart]
            let next = value.unicodeScalars.index(after: scalarStart)
            let escape: String?
            switch scalar.value {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029: escape = unicodeEscape(scalar.value)
            default: escape = nil
            }
            if let escape {
                // Scalar slices: an index inside a grapheme ("\r\n") would round down in `value[...]`.
                output.unicodeScalars.append(contentsOf: value.unicodeScalars[pendingStart..<scalarStart])
                output.append(escape)
                pendingStart = next
            }
            index = next
        }
        output.unicodeScalars.append(contentsOf: value.unicodeScalars[pendingStart..<utf8.endIndex])
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        var text = "\\u"
        for shift in stride(from: 12, through: 0, by: -4) {
            text.append(Character(Unicode.Scalar(HexDigits.lower[Int((value >> UInt32(shift)) & 0x0F)])))
        }
        return text
    }

    /// `value` quoted as a JSON string.
    package static func quoted(_ value: String) -> String {
        var output = ""
        appendQuoted(value, to: &output)
        return output
    }

    /// A JSON number; whole values print without a fraction, non-finite ones as 0.
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
