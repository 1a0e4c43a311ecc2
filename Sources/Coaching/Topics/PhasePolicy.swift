import CoachingContracts

/// Decides the phase after a user turn, from the topic's ``AdvanceRule``s.
package enum PhasePolicy {
    /// The phase after the user has spoken.
    /// - Parameters:
    ///   - userTurnsInPhase: user turns in `phase`, including this one.
    package static func phase(after phase: ConversationPhase, in topic: TopicDefinition, userTurnsInPhase: Int, latestMessage: String) -> ConversationPhase {
        guard phase != .completion, let guide = topic.guide(for: phase) else { return phase }
        let rule = guide.advance
        let words = latestMessage.split(whereSeparator: { $0.isWhitespace }).count
        let enoughTurns = userTurnsInPhase >= rule.minimumUserTurns
        let substantive = words >= rule.minimumWordsInLatestAnswer
        let advance: Bool
        if rule.requiresConfirmation {
            advance = (enoughTurns && isConfirmation(latestMessage)) || userTurnsInPhase >= rule.confirmationTurnLimit
        } else {
            advance = enoughTurns && substantive
        }
        return advance ? phase.next : phase
    }

    /// Whether a message reads as agreement.
    static func isConfirmation(_ message: String) -> Bool {
        let text = message.lowercased()
        let negations = ["not quite", "not really", "no,", "no.", "doesn't", "does not", "isn't", "not right", "change"]
        if text == "no" || negations.contains(where: text.contains) { return false }
        let affirmations = ["yes", "yep", "yeah", "correct", "agree", "exactly", "that's right", "that is right",
                            "sounds good", "looks good", "spot on", "perfect", "that's it", "confirmed", "i confirm"]
        return affirmations.contains(where: text.contains)
    }
}

extension ConversationPhase {
    /// The phase after this one; completion is the last.
    var next: ConversationPhase {
        switch self {
        case .introduction: .exploration
        case .exploration: .deepening
        case .deepening: .synthesis
        case .synthesis: .validation
        case .validation, .completion: .completion
        }
    }
}
