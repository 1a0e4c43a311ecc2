/// Reads whether the owner's message confirms the draft outcome.
///
/// Matching is on whole words (so "yes" is not found in "yesterday", "agree"
/// not in "I don't agree"), after lower-casing and folding typographic
/// apostrophes. A message confirms only when it holds an affirmation and
/// nothing that negates, hedges or asks for a change; a question never
/// confirms; neither does a long message (an answer that happens to contain
/// "yes" is not a verdict on the draft).
package enum ConfirmationReader {
    /// Longest message, in words, that can still be a confirmation.
    static let maxWords = 24

    /// Single words that confirm.
    static let affirmingWords: Set<String> = [
        "yes", "yep", "yeah", "yup", "absolutely", "perfect", "exactly", "correct", "confirmed", "confirm", "agreed",
        "agree", "definitely", "certainly", "great", "love", "approve", "approved",
    ]
    /// Phrases that confirm, as word sequences.
    static let affirmingPhrases: [[String]] = [
        ["looks", "right"], ["looks", "good"], ["look", "right"], ["look", "good"], ["sounds", "right"], ["sounds", "good"],
        ["that's", "it"], ["that", "is", "it"], ["that's", "right"], ["that", "is", "right"], ["spot", "on"],
        ["lock", "it", "in"], ["lock", "them", "in"], ["lock", "these", "in"], ["nailed", "it"], ["ship", "it"],
        ["go", "with", "it"], ["go", "with", "that"], ["go", "with", "these"], ["feels", "right"], ["rings", "true"],
        ["all", "good"], ["works", "for", "me"], ["happy", "with"], ["sign", "off"], ["i'm", "in"],
    ]
    /// Words that negate, hedge or ask for a change: any of them, and the message does not confirm.
    static let blockingWords: Set<String> = [
        "no", "nope", "nah", "not", "don't", "doesn't", "isn't", "aren't", "wasn't", "won't", "can't", "cannot", "never",
        "wrong", "change", "changed", "changes", "rename", "replace", "remove", "drop", "delete", "add", "swap", "merge",
        "instead", "rather", "but", "except", "although", "though", "however", "maybe", "perhaps", "probably", "possibly",
        "almost", "mostly", "nearly", "kind", "sort", "guess", "unsure", "hmm", "hm", "dunno", "close", "yet", "only",
        "disagree", "missing", "reword", "rewrite", "shorter", "longer", "if", "unless", "wait", "later", "think",
    ]

    /// True when `message` is an explicit confirmation.
    package static func isConfirmation(_ message: String) -> Bool {
        let trimmed = message.trimmingWhitespace()
        if trimmed.hasSuffix("?") { return false }
        let words = words(of: trimmed)
        guard !words.isEmpty, words.count <= maxWords else { return false }
        if words.contains(where: blockingWords.contains) { return false }
        if words.contains(where: affirmingWords.contains) { return true }
        return affirmingPhrases.contains { phrase in contains(words, phrase) }
    }

    /// Lower-cased words: letters, digits and apostrophes, typographic apostrophes folded;
    /// `n't` stays part of its word ("don't").
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "’" || character == "‘" {
                if !current.isEmpty { current.append("'") }
            } else if !current.isEmpty {
                words.append(finish(current))
                current = ""
            }
        }
        if !current.isEmpty { words.append(finish(current)) }
        return words
    }

    private static func finish(_ word: String) -> String {
        var word = Substring(word)
        while word.last == "'" { word = word.dropLast() }
        return String(word)
    }

    static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= words.count else { return false }
        for start in 0...(words.count - phrase.count) where Array(words[start..<start + phrase.count]) == phrase {
            return true
        }
        return false
    }
}
