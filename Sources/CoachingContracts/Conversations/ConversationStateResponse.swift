/// The answer to pause, resume, complete and delete: where the conversation now stands.
package struct ConversationStateResponse: Codable, Sendable, Equatable {
    package var conversationID: String
    package var status: ConversationStatus
    package var phase: ConversationPhase
    package var progress: Double
    package var updatedAt: ContractDate
    package var isComplete: Bool
    /// The confirmed outcome (`null` when there is none).
    package var outcome: CoachingOutcome?
    /// The current draft (`null` when there is none).
    package var draftOutcome: CoachingOutcome?

    package init(conversationID: String, status: ConversationStatus, phase: ConversationPhase, updatedAt: ContractDate,
                 outcome: CoachingOutcome? = nil, draftOutcome: CoachingOutcome? = nil) {
        self.isComplete = status == .completed
        self.outcome = outcome
        self.draftOutcome = draftOutcome
        self.conversationID = conversationID
        self.status = status
        self.phase = phase
        self.progress = phase.progress
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id"
        case status, phase, progress
        case updatedAt = "updated_at"
        case isComplete = "is_complete"
        case outcome
        case draftOutcome = "draft_outcome"
    }

    /// `outcome` and `draft_outcome` are always present, `null` when there is none.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(conversationID, forKey: .conversationID)
        try container.encode(status, forKey: .status)
        try container.encode(phase, forKey: .phase)
        try container.encode(progress, forKey: .progress)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(isComplete, forKey: .isComplete)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(draftOutcome, forKey: .draftOutcome)
    }
}
