import CoachingContracts

/// Everything that makes one coaching topic what it is: its system prompt,
/// its opening question, and a guide for each phase. Topics are data (see
/// ``TopicCatalog``), not strings scattered through the code.
public struct TopicDefinition: Sendable {
    public var topic: CoachingTopic
    /// A short human name, for example "Core values".
    public var title: String
    /// What the conversation produces for the user.
    public var outcome: String
    /// The coach's standing instructions for this topic (our own words).
    public var systemPrompt: String
    /// The first thing the coach says when a conversation starts.
    public var openingQuestion: String
    /// One guide per phase, introduction through validation; completion has none.
    public var phases: [PhaseGuide]

    public func guide(for phase: ConversationPhase) -> PhaseGuide? {
        phases.first { $0.phase == phase }
    }
}

/// How the coach works in one phase, and when the conversation moves on.
public struct PhaseGuide: Sendable {
    public var phase: ConversationPhase
    /// What this phase is for, told to the model.
    public var objective: String
    /// Questions the offline coach asks in this phase, in order.
    public var questions: [String]
    public var advance: AdvanceRule
}

/// When a phase is done. All conditions must hold after a user turn.
public struct AdvanceRule: Sendable, Equatable {
    /// User turns in this phase, counting the one just taken.
    public var minimumUserTurns: Int
    /// Words in the latest user message: a one-word answer has not yet
    /// identified anything worth moving on from.
    public var minimumWordsInLatestAnswer: Int
    /// The user must confirm (yes, agreed, that's right ...) to move on;
    /// `confirmationTurnLimit` user turns move on regardless.
    public var requiresConfirmation: Bool
    public var confirmationTurnLimit: Int

    public init(minimumUserTurns: Int, minimumWordsInLatestAnswer: Int = 0, requiresConfirmation: Bool = false, confirmationTurnLimit: Int = 3) {
        self.minimumUserTurns = minimumUserTurns
        self.minimumWordsInLatestAnswer = minimumWordsInLatestAnswer
        self.requiresConfirmation = requiresConfirmation
        self.confirmationTurnLimit = confirmationTurnLimit
    }
}
