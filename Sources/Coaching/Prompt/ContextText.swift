/// Makes untrusted text safe to place inside the prompt's data blocks.
///
/// Values from a business context or a summary of user messages may contain
/// anything, including text shaped like our block delimiters or like
/// instructions. They are rendered on one line each, with angle brackets and
/// ampersands as entities (so nothing can close `</business_context>` or open
/// a new tag), control characters and line breaks as spaces, and a length cap.
enum ContextText {
    static func escaped(_ value: String, maxCharacters: Int = 300) -> String {
        var result = ""
        result.reserveCapacity(min(value.utf8.count, maxCharacters + 8))
        var count = 0
        var lastWasSpace = false
        for scalar in value.unicodeScalars {
            if count >= maxCharacters {
                result.append("…")
                break
            }
            switch scalar {
            case "<": result.append("&lt;")
            case ">": result.append("&gt;")
            case "&": result.append("&amp;")
            default:
                if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .lineSeparator
                    || scalar.properties.generalCategory == .paragraphSeparator || scalar.properties.generalCategory == .format {
                    if !lastWasSpace { result.append(" ") }
                    lastWasSpace = true
                    count += 1
                    continue
                }
                result.unicodeScalars.append(scalar)
            }
            lastWasSpace = scalar == " "
            count += 1
        }
        return result.trimmingWhitespace()
    }

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
