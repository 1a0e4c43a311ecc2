import Essentials
/// Minimal JSON text writing for log and metric lines.
///
/// Log lines are written on every invocation; a hand-written escaper avoids
/// building an encoder and intermediate `Data` for flat objects.
package enum JSONText {
    /// Appends `value` as a quoted JSON string.
    package static func appendQuoted(_ value: String, to output: inout String) {
        output.append("\"")
        var pendingStart = value.utf8.startIndex
        let utf8 = value.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                output.append(contentsOf: value[pendingStart..<index])
                switch byte {
                case 0x22: output.append("\\\"")
                case 0x5C: output.append("\\\\")
                case 0x0A: output.append("\\n")
                case 0x0D: output.append("\\r")
                case 0x09: output.append("\\t")
                default:
                    output.append("\\u00")
                    output.append(Character(Unicode.Scalar(HexDigits.lower[Int(byte >> 4)])))
                    output.append(Character(Unicode.Scalar(HexDigits.lower[Int(byte & 0x0F)])))
                }
                pendingStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output.append(contentsOf: value[pendingStart..<utf8.endIndex])
        output.append("\"")
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
