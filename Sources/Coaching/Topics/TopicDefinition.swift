import CoachingContracts

/// Everything that makes one coaching topic what it is: its system prompt,
/// its opening question, and a guide for each phase. Topics are data (see
/// ``TopicCatalog``), not strings scattered through the code.
package struct TopicDefinition: Sendable {
    package var topic: CoachingTopic
    /// A short human name, for example "Core values".
    package var title: String
    /// What the conversation produces for the user.
    package var outcome: String
    /// The coach's standing instructions for this topic (our own words).
    package var systemPrompt: String
    /// The first thing the coach says when a conversation starts.
    package var openingQuestion: String
    /// One guide per phase, introduction through validation; completion has none.
    package var phases: [PhaseGuide]

    package func guide(for phase: ConversationPhase) -> PhaseGuide? {
        phases.first { $0.phase == phase }
    }
}

/// How the coach works in one phase, and when the conversation moves on.
package struct PhaseGuide: Sendable {
    package var phase: ConversationPhase
    /// What this phase is for, told to the model.
    package var objective: String
    /// Questions the offline coach asks in this phase, in order.
    package var questions: [String]
    package var advance: AdvanceRule
}

/// When a phase is done. All conditions must hold after a user turn.
package struct AdvanceRule: Sendable, Equatable {
    /// User turns in this phase, counting the one just taken.
    var minimumUserTurns: Int
    /// Words in the latest user message: a one-word answer has not yet
    /// identified anything worth moving on from.
    var minimumWordsInLatestAnswer: Int
    /// The user must confirm (yes, agreed, that's right ...) to move on;
    /// `confirmationTurnLimit` user turns move on regardless.
    var requiresConfirmation: Bool
    var confirmationTurnLimit: Int

    package init(minimumUserTurns: Int, minimumWordsInLatestAnswer: Int = 0, requiresConfirmation: Bool = false, confirmationTurnLimit: Int = 3) {
        self.minimumUserTurns = minimumUserTurns
        self.minimumWordsInLatestAnswer = minimumWordsInLatestAnswer
        self.requiresConfirmation = requiresConfirmation
        self.confirmationTurnLimit = confirmationTurnLimit
    }
}
