/// Small, deterministic text helpers for working with the owner's own words.
enum OwnerText {
    /// Sentences of `text`: split after `.`, `!`, `?` and at line breaks; trimmed, non-empty.
    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        for character in text {
            if character.isNewline {
                flush(&current, into: &sentences)
                continue
            }
            current.append(character)
            if character == "." || character == "!" || character == "?" { flush(&current, into: &sentences) }
        }
        flush(&current, into: &sentences)
        return sentences
    }

    private static func flush(_ current: inout String, into sentences: inout [String]) {
        let trimmed = current.trimmingWhitespace().trimmingCharacters(quotes: true)
        if !trimmed.isEmpty { sentences.append(trimmed) }
        current = ""
    }

    static func words(_ text: String) -> [String] {
        ConfirmationReader.words(of: text)
    }

    /// Words that carry meaning: four letters or more, not among the commonest.
    static func significantWords(_ text: String) -> Set<String> {
        Set(words(text).filter { $0.count >= 4 && !stopWords.contains($0) })
    }

    static let stopWords: Set<String> = [
        "that", "this", "with", "have", "from", "they", "them", "their", "what", "when", "which", "would", "could", "should",
        "about", "there", "were", "been", "your", "just", "like", "into", "than", "then", "also", "very", "really", "some",
        "more", "most", "much", "only", "over", "because", "always", "every", "make", "made", "want", "think", "know",
    ]

    /// `text` without its final punctuation, capped at `limit` characters (on a word boundary).
    static func clause(_ text: String, limit: Int = 400) -> String {
        var text = text.trimmingWhitespace()
        while let last = text.last, ".!?;:,".contains(last) { text.removeLast() }
        guard text.count > limit else { return text }
        let cut = text.prefix(limit - 1)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// A sentence: first letter upper-cased, ending with a full stop.
    static func sentence(_ text: String, limit: Int = 400) -> String {
        let body = clause(text, limit: limit - 1)
        guard let first = body.first else { return body }
        return first.uppercased() + body.dropFirst() + (body.hasSuffix("…") ? "" : ".")
    }

    /// `text` with its first letter lower-cased (unless it starts with "I " or an acronym).
    static func lowercasedStart(_ text: String) -> String {
        guard let first = text.first, text.count > 1 else { return text }
        let second = text[text.index(after: text.startIndex)]
        if text.hasPrefix("I ") || text.hasPrefix("I'") || second.isUppercase { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// A deterministic choice from `options` for `seed` (the same turn always picks the same).
    static func pick<T>(_ options: [T], seed: Int) -> T {
        options[abs(seed % options.count)]
    }

    /// Ordinals the owner may use for list positions ("second", "2nd", "2", "last").
    static func position(_ word: String, count: Int) -> Int? {
        let ordinals = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                        "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "one": 1, "two": 2,
                        "three": 3, "four": 4, "five": 5]
        if word == "last" { return count > 0 ? count : nil }
        if let value = ordinals[word] ?? Int(word), value >= 1 { return value }
        return nil
    }
}

extension String {
    /// Where `needle` occurs, comparing characters case-insensitively; the last occurrence when `last`.
    func findRange(of needle: String, last: Bool = false) -> Range<String.Index>? {
        let target = Array(needle.lowercased())
        guard !target.isEmpty else { return nil }
        var found: Range<String.Index>?
        var start = startIndex
        while start < endIndex {
            var index = start
            var matched = 0
            while matched < target.count, index < endIndex, self[index].lowercased() == String(target[matched]) {
                index = self.index(after: index)
                matched += 1
            }
            if matched == target.count {
                found = start..<index
                if !last { return found }
            }
            start = self.index(after: start)
        }
        return found
    }
}
