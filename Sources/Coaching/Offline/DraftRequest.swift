import CoachingContracts

/// A change to the draft the owner asked for in words, as the offline coach
/// understands them: "change the second value to Craft", "two goals only",
/// "drop the third", "merge them", "add Courage", "write it as one sentence",
/// "what is missing?".
enum DraftRequest: Equatable {
    case oneSentence
    case merge
    case missing
    case keepOnly(Int)
    case remove(Int)
    /// A position (1-based), or `nil` for the statement itself.
    case rename(Int?, String)
    case add(String)

    static func parse(_ message: String) -> DraftRequest? {
        let words = OwnerText.words(message)
        let text = words.joined(separator: " ")
        if text.contains("one sentence") || text.contains("single sentence") { return .oneSentence }
        if words.contains("missing") || text.contains("what else") || text.contains("left out") { return .missing }
        if words.contains(where: { $0.hasPrefix("merge") || $0 == "combine" }) { return .merge }
        if let count = keepCount(words) { return .keepOnly(count) }
        if let index = words.firstIndex(where: { ["remove", "drop", "delete", "cut"].contains($0) }),
           let position = firstPosition(in: words[(index + 1)...]) {
            return .remove(position)
        }
        if words.contains(where: { ["change", "rename", "replace", "call", "make"].contains($0) }), let name = replacement(in: message) {
            return .rename(firstPosition(in: words[...]), name)
        }
        if let index = words.firstIndex(of: "add"), index + 1 < words.count {
            let name = addition(in: message)
            return name.isEmpty ? nil : .add(name)
        }
        return nil
    }

    /// "two goals only", "only three values", "just 3", "keep the first two".
    private static func keepCount(_ words: [String]) -> Int? {
        guard words.contains(where: { ["only", "just", "keep"].contains($0) }) else { return nil }
        for (index, word) in words.enumerated() {
            guard let count = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5][word] ?? Int(word), (1...7).contains(count) else { continue }
            let next = index + 1 < words.count ? words[index + 1] : ""
            let previous = index > 0 ? words[index - 1] : ""
            if ["goals", "goal", "values", "value", "pillars", "pillar", "only"].contains(next) || ["only", "just", "first", "keep"].contains(previous) {
                return count
            }
        }
        return nil
    }

    private static func firstPosition(in words: ArraySlice<String>) -> Int? {
        for word in words where ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "last",
                                 "1st", "2nd", "3rd", "4th", "5th", "6th", "7th"].contains(word) {
            return word == "last" ? Int.max : OwnerText.position(word, count: 7)
        }
        return nil
    }

    /// The new wording after " to ", " with " or " into " (as the owner wrote it).
    private static func replacement(in message: String) -> String? {
        for marker in [" to ", " with ", " into ", ": "] {
            if let range = message.findRange(of: marker, last: true) {
                let name = OwnerText.clause(String(message[range.upperBound...]).trimmingCharacters(quotes: true), limit: 200)
                if !name.isEmpty { return name }
            }
        }
        return nil
    }

    /// What follows "add" ("add Courage as a value" → "Courage").
    private static func addition(in message: String) -> String {
        guard let range = message.findRange(of: "add ") else { return "" }
        var rest = String(message[range.upperBound...])
        for tail in [" as a value", " as a goal", " as a pillar", " as another value", " too", " as well"] {
            if let cut = rest.findRange(of: tail) { rest = String(rest[..<cut.lowerBound]) }
        }
        for head in ["a value called ", "a value ", "a goal ", "a pillar ", "the value ", "value "] where rest.lowercased().hasPrefix(head) {
            rest.removeFirst(head.count)
        }
        return OwnerText.clause(rest.trimmingCharacters(quotes: true), limit: 200)
    }
}
