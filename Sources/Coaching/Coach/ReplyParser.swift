/// Reads a model's reply: splits off the suggestions line and finds the
/// follow-up question. Model output is only ever treated as text; odd output
/// (empty, no question, a marker with nothing after it, huge) never fails.
enum ReplyParser {
    static let maxSuggestions = 3
    static let maxSuggestionCharacters = 120
    static let maxReplyCharacters = 8_000

    struct Parsed: Equatable {
        var text: String
        var followUpQuestion: String?
        var suggestions: [String]
    }

    static func parse(_ raw: String) -> Parsed {
        var lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var suggestions: [String] = []
        if let index = lines.lastIndex(where: { $0.trimmingWhitespace().uppercased().hasPrefix(PromptBuilder.suggestionsMarker) }) {
            let line = lines[index].trimmingWhitespace()
            let list = line.dropFirst(PromptBuilder.suggestionsMarker.count)
            suggestions = list.split(separator: "|")
                .map { String($0).trimmingWhitespace().trimmingCharacters(quotes: true) }
                .filter { !$0.isEmpty }
                .map { $0.count > maxSuggestionCharacters ? String($0.prefix(maxSuggestionCharacters - 1)) + "…" : $0 }
            suggestions = Array(suggestions.prefix(maxSuggestions))
            lines.remove(at: index)
        }
        var text = lines.joined(separator: "\n").trimmingWhitespace()
        if text.count > maxReplyCharacters { text = String(text.prefix(maxReplyCharacters - 1)) + "…" }
        return Parsed(text: text, followUpQuestion: lastQuestion(in: text), suggestions: suggestions)
    }
}

extension String {
    func trimmingCharacters(quotes: Bool) -> String {
        var slice = Substring(self)
        let marks: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "-", "•", "*"]
        while let first = slice.first, marks.contains(first) { slice.removeFirst() }
        while let last = slice.last, marks.contains(last), last != "-" { slice.removeLast() }
        return String(slice).trimmingWhitespace()
    }
}
