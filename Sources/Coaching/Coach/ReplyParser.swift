import CoachingContracts
import FoundationEssentials

/// Reads a model's structured turn (see ``PromptBuilder/rules``): the reply
/// text, then tagged lines `SUGGESTIONS:`, `GOAL_MET:`, `CATEGORY:` and
/// `DRAFT:` (one line of JSON).
///
/// Real model output strays, so reading is tolerant: markers in any case,
/// wrapped in markdown bold or italics, inline at the end of a sentence, with
/// suggestions as a bulleted list below the marker, the draft in a code
/// fence or over several lines; a reply sent as one JSON object is read too.
/// Whatever cannot be read (malformed JSON, an unknown marker) leaves the
/// reply text intact: nothing the model wrote for the owner is lost. Model
/// output is only ever treated as text.
enum ReplyParser {
    static let maxSuggestions = 3
    static let maxSuggestionCharacters = 120
    static let maxReplyCharacters = 8_000

    struct Parsed: Equatable {
        var text: String
        var followUpQuestion: String?
        var suggestions: [String]
        var goalMet: Bool?
        var assessment: String?
        var category: String?
        var draft: CoachingOutcome?
    }

    enum Marker: CaseIterable {
        case suggestions, goalMet, category, draft

        /// Accepted spellings, normalised (upper case, `_` for spaces and dashes).
        var names: [String] {
            switch self {
            case .suggestions: ["SUGGESTIONS", "SUGGESTED_ANSWERS", "SUGGESTED_REPLIES"]
            case .goalMet: ["GOAL_MET", "PHASE_GOAL_MET", "GOAL_ACHIEVED"]
            case .category: ["CATEGORY", "QUESTION_CATEGORY"]
            case .draft: ["DRAFT", "DRAFT_OUTCOME"]
            }
        }
    }

    static func parse(_ raw: String, topic: CoachingTopic? = nil) -> Parsed {
        if let json = JSONTurn.parse(raw, topic: topic) { return json }
        var textLines: [String] = []
        var sections: [(marker: Marker, lines: [String])] = []
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let (before, marker, rest) = findMarker(in: line) {
                if !before.isEmpty {
                    if sections.isEmpty { textLines.append(before) } else { sections[sections.count - 1].lines.append(before) }
                }
                sections.append((marker, rest.isEmpty ? [] : [rest]))
            } else if sections.isEmpty {
                textLines.append(line)
            } else {
                sections[sections.count - 1].lines.append(line)
            }
        }
        var parsed = Parsed(text: "", suggestions: [])
        for section in sections {
            switch section.marker {
            case .suggestions: parsed.suggestions = suggestions(from: section.lines)
            case .goalMet: (parsed.goalMet, parsed.assessment) = assessment(from: section.lines.joined(separator: " "))
            case .category: parsed.category = category(from: section.lines.joined(separator: " "))
            case .draft:
                let body = section.lines.joined(separator: "\n")
                parsed.draft = draft(from: body, topic: topic)
                // Prose after a "Draft:" label was meant for the owner: keep it in the reply.
                let trimmed = body.trimmingWhitespace()
                if parsed.draft == nil, !trimmed.isEmpty, !trimmed.hasPrefix("{"), !trimmed.hasPrefix("```"),
                   ConfirmationReader.words(of: trimmed) != ["none"] {
                    textLines.append(contentsOf: section.lines)
                }
            }
        }
        parsed.text = cleaned(textLines.joined(separator: "\n"))
        parsed.followUpQuestion = lastQuestion(in: parsed.text)
        return parsed
    }

    /// A marker in `line`: at its start, or inline after some text. Returns the text
    /// before it, the marker, and the rest of the line after its colon.
    static func findMarker(in line: String) -> (String, Marker, String)? {
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            // A marker starts a line or follows white space or markdown emphasis.
            if index == 0 || characters[index - 1] == " " || characters[index - 1] == "*" || characters[index - 1] == "_" {
                if let (marker, end) = marker(in: characters, at: index), accepts(marker, characters, start: index, end: end) {
                    var before = String(characters[..<index])
                    while let last = before.last, last == "*" || last == "_" || last == " " || last == "-" || last == "#" { before.removeLast() }
                    let rest = String(characters[end...]).trimmingWhitespace()
                    return (before.trimmingWhitespace(), marker, rest)
                }
            }
            index += 1
        }
        return nil
    }

    /// Whether a marker found at `start` is meant as one: written in capitals, or
    /// wrapped in emphasis, or (except `DRAFT`) at the start of the line. "Here is my
    /// draft: ..." in a sentence is text.
    private static func accepts(_ marker: Marker, _ characters: [Character], start: Int, end: Int) -> Bool {
        let name = characters[start..<end].filter(\.isLetter)
        if name.allSatisfy(\.isUppercase) { return true }
        if start > 0, characters[start - 1] == "*" || characters[start - 1] == "_" { return true }
        let lead = characters[..<start].allSatisfy { $0 == " " || $0 == "-" || $0 == "#" }
        return lead && marker != .draft
    }

    /// The marker whose name starts at `start` and is followed (after optional
    /// emphasis) by a colon; returns the index after the colon and any closing emphasis.
    private static func marker(in characters: [Character], at start: Int) -> (Marker, Int)? {
        var end = start
        var name = ""
        while end < characters.count, characters[end].isLetter || characters[end] == "_" || characters[end] == " " || characters[end] == "-" {
            name.append(characters[end] == " " || characters[end] == "-" ? "_" : Character(characters[end].uppercased()))
            end += 1
            guard name.count <= 20 else { return nil }
        }
        while name.hasSuffix("_") { name.removeLast() }
        while end < characters.count, characters[end] == "*" || characters[end] == "_" { end += 1 }
        guard end < characters.count, characters[end] == ":" else { return nil }
        end += 1
        while end < characters.count, characters[end] == "*" || characters[end] == "_" { end += 1 }
        guard let marker = Marker.allCases.first(where: { $0.names.contains(name) }) else { return nil }
        return (marker, end)
    }

    static func suggestions(from lines: [String]) -> [String] {
        var items: [String] = []
        for line in lines {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { if !items.isEmpty { break } else { continue } }
            items += trimmed.split(separator: "|").map { stripBullet(String($0)) }
        }
        return Array(items.filter { !$0.isEmpty }
            .map { $0.count > maxSuggestionCharacters ? String($0.prefix(maxSuggestionCharacters - 1)) + "…" : $0 }
            .prefix(maxSuggestions))
    }

    /// `- a`, `* a`, `• a`, `1. a`, `2) a`, quotes → `a`.
    static func stripBullet(_ text: String) -> String {
        var text = text.trimmingWhitespace()
        if let first = text.first, first.isNumber {
            let digits = text.prefix { $0.isNumber }
            let rest = text.dropFirst(digits.count)
            if rest.hasPrefix(".") || rest.hasPrefix(")") { text = String(rest.dropFirst()) }
        }
        return text.replacingMarkdown().trimmingCharacters(quotes: true)
    }

    static func assessment(from text: String) -> (Bool?, String?) {
        let words = ConfirmationReader.words(of: text)
        guard let first = words.first else { return (nil, nil) }
        let met: Bool? = ["yes", "true", "met"].contains(first) ? true : ["no", "false", "not"].contains(first) ? false : nil
        var reason = text.trimmingWhitespace()
        if met != nil, let range = reason.firstIndex(where: { !$0.isLetter }) { reason = String(reason[range...]) } else if met != nil { reason = "" }
        reason = reason.trimmingCharacters(quotes: true).trimmingWhitespace()
        while let first = reason.first, first == "-" || first == "—" || first == ":" || first == "," || first == "." {
            reason = String(reason.dropFirst()).trimmingWhitespace()
        }
        return (met, reason.isEmpty ? nil : String(reason.prefix(300)))
    }

    static func category(from text: String) -> String? {
        ConfirmationReader.words(of: text.replacingMarkdown()).first
    }

    /// The JSON object in `text` (fences and prose around it ignored), read as the
    /// topic's outcome; `nil` when it is missing, malformed or not valid.
    static func draft(from text: String, topic: CoachingTopic?) -> CoachingOutcome? {
        guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close else { return nil }
        var json = String(text[open...close])
        if let topic, !json.contains("\"topic\"") {
            json = "{\"topic\":\"\(topic.rawValue)\"," + json.dropFirst()
        }
        guard var outcome = try? CoachingOutcome.validate(json: json) else { return nil }
        if let topic, outcome.topic != topic { return nil }
        outcome.source = .model
        outcome.confirmedAt = nil
        return outcome
    }

    /// The reply as shown: markdown emphasis and heading marks removed, trimmed, capped.
    static func cleaned(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = String(line)
            while line.hasPrefix("#") { line.removeFirst() }
            return line.replacingMarkdown()
        }
        var text = lines.joined(separator: "\n").trimmingWhitespace()
        if text.count > maxReplyCharacters { text = String(text.prefix(maxReplyCharacters - 1)) + "…" }
        return text
    }
}

extension String {
    /// Without markdown bold and italic markers (`**`, `__`) and inline code ticks.
    func replacingMarkdown() -> String {
        var result = ""
        var index = startIndex
        while index < endIndex {
            let character = self[index]
            let next = self.index(after: index)
            if (character == "*" || character == "_"), next < endIndex, self[next] == character {
                index = self.index(after: next)
                continue
            }
            if character == "`" {
                index = next
                continue
            }
            result.append(character)
            index = next
        }
        return result
    }

    func trimmingCharacters(quotes: Bool) -> String {
        var slice = Substring(self)
        let marks: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "-", "•", "*"]
        while let first = slice.first, marks.contains(first) { slice.removeFirst() }
        while let last = slice.last, marks.contains(last), last != "-" { slice.removeLast() }
        return String(slice).trimmingWhitespace()
    }
}
