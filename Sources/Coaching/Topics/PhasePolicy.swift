import CoachingContracts

/// When a conversation may move to the next phase: the Python service's
/// minimums (`PHASE_REQUIREMENTS`), which no coach's assessment can undercut.
///
/// - exploration: at least 1 response from the owner;
/// - deepening: at least 5 responses, across at least 2 question categories;
/// - synthesis: at least 8 responses;
/// - validation: a draft outcome exists;
/// - completion: only the owner's explicit confirmation (``ConfirmationReader``),
///   never a count of turns.
package enum PhasePolicy {
    package static let explorationResponses = 1
    package static let deepeningResponses = 5
    package static let deepeningCategories = 2
    package static let synthesisResponses = 8

    /// What the conversation has, for the minimums.
    package struct Progress: Sendable, Equatable {
        /// Owner responses, counting the one just given.
        package var responses: Int
        /// Distinct question categories the owner has answered.
        package var categories: Int
        package var hasDraft: Bool

        package init(responses: Int, categories: Int, hasDraft: Bool) {
            self.responses = responses
            self.categories = categories
            self.hasDraft = hasDraft
        }
    }

    /// Whether the minimums of `phase` hold. Completion is never reached this way.
    package static func allows(_ phase: ConversationPhase, _ progress: Progress) -> Bool {
        switch phase {
        case .introduction: true
        case .exploration: progress.responses >= explorationResponses
        case .deepening: progress.responses >= deepeningResponses && progress.categories >= deepeningCategories
        case .synthesis: progress.responses >= synthesisResponses
        case .validation: progress.hasDraft
        case .completion: false
        }
    }

    /// The phase after a turn: the next one when the coach judged this phase's
    /// goal met (the offline coach: always) and the minimums allow it, else this one.
    package static func phase(after phase: ConversationPhase, goalMet: Bool, _ progress: Progress) -> ConversationPhase {
        guard phase != .completion, goalMet, allows(phase.next, progress) else { return phase }
        return phase.next
    }
}
