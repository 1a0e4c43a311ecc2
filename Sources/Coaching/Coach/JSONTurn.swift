import CoachingContracts
import FoundationEssentials

/// A model turn sent as one JSON object instead of tagged lines:
/// `{"reply": "...", "suggestions": [...], "phase_goal_met": true, "reason": "...",
/// "question_category": "...", "draft_outcome": {...}}`. Anything else (not an
/// object, malformed, no `reply`) is not a JSON turn, and the text is read as
/// plain text.
struct JSONTurn: Decodable {
    var reply: String
    var suggestions: [String]?
    var phaseGoalMet: Bool?
    var reason: String?
    var questionCategory: String?

    enum CodingKeys: String, CodingKey {
        case reply, suggestions
        case phaseGoalMet = "phase_goal_met"
        case reason
        case questionCategory = "question_category"
    }

    static func parse(_ raw: String, topic: CoachingTopic?) -> ReplyParser.Parsed? {
        var text = raw.trimmingWhitespace()
        if text.hasPrefix("```") {
            text = String(text.drop { $0 != "\n" })
            if text.hasSuffix("```") { text = String(text.dropLast(3)) }
            text = text.trimmingWhitespace()
        }
        guard text.hasPrefix("{"), text.hasSuffix("}"),
              let turn = try? JSONDecoder().decode(JSONTurn.self, from: Data(text.utf8)) else { return nil }
        let body = ReplyParser.cleaned(turn.reply)
        guard !body.isEmpty else { return nil }
        var draft: CoachingOutcome?
        if let range = text.findRange(of: "\"draft_outcome\"") {
            draft = ReplyParser.draft(from: ObjectSlice.first(in: String(text[range.upperBound...])) ?? "", topic: topic)
        }
        return ReplyParser.Parsed(
            text: body, followUpQuestion: lastQuestion(in: body),
            suggestions: ReplyParser.suggestions(from: [(turn.suggestions ?? []).joined(separator: " | ")]),
            goalMet: turn.phaseGoalMet, assessment: turn.reason.map { String($0.prefix(300)) },
            category: turn.questionCategory.flatMap { ReplyParser.category(from: $0) }, draft: draft
        )
    }
}

/// The first balanced `{...}` in a text (braces inside JSON strings respected).
enum ObjectSlice {
    static func first(in text: String) -> String? {
        guard let start = text.firstIndex(of: "{") else { return nil }
        var depth = 0
        var inString = false
        var escaped = false
        var index = start
        while index < text.endIndex {
            let character = text[index]
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == "{" {
                depth += 1
            } else if character == "}" {
                depth -= 1
                if depth == 0 { return String(text[start...index]) }
            }
            index = text.index(after: index)
        }
        return nil
    }
}
