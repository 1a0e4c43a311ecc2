/// The coach's reply: the answer of `POST /coaching/chat` (inside the envelope) and,
/// as a plain object, of a Step Functions task.
package struct CoachingResponse: Codable, Sendable, Equatable {
    package var message: String
    package var conversationID: String
    package var sessionID: String?
    /// True when a non-empty business context grounded the reply.
    package var businessContextUsed: Bool
    package var followUpSuggestions: [String]
    package var metadata: CoachingResponseMetadata
    /// True once the owner confirmed the outcome.
    package var isComplete: Bool
    /// The coach's current draft of the outcome, from synthesis on (`null` before).
    package var draftOutcome: CoachingOutcome?
    /// The confirmed outcome (`null` until the conversation completes).
    package var outcome: CoachingOutcome?

    package init(message: String, conversationID: String, sessionID: String? = nil, businessContextUsed: Bool,
                followUpSuggestions: [String] = [], metadata: CoachingResponseMetadata, isComplete: Bool = false,
                draftOutcome: CoachingOutcome? = nil, outcome: CoachingOutcome? = nil) {
        self.isComplete = isComplete
        self.draftOutcome = draftOutcome
        self.outcome = outcome
        self.message = message
        self.conversationID = conversationID
        self.sessionID = sessionID
        self.businessContextUsed = businessContextUsed
        self.followUpSuggestions = Array(followUpSuggestions.prefix(ContractLimits.maxFollowUpSuggestions))
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case message
        case conversationID = "conversation_id"
        case sessionID = "session_id"
        case businessContextUsed = "business_context_used"
        case followUpSuggestions = "follow_up_suggestions"
        case metadata
        case isComplete = "is_complete"
        case draftOutcome = "draft_outcome"
        case outcome
    }

    /// Tolerates answers written before outcomes existed (a state machine's
    /// stored output, say): the outcome fields default to "none yet".
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        message = try container.decode(String.self, forKey: .message)
        conversationID = try container.decode(String.self, forKey: .conversationID)
        sessionID = try container.decodeIfPresent(String.self, forKey: .sessionID)
        businessContextUsed = try container.decode(Bool.self, forKey: .businessContextUsed)
        followUpSuggestions = try container.decode([String].self, forKey: .followUpSuggestions)
        metadata = try container.decode(CoachingResponseMetadata.self, forKey: .metadata)
        isComplete = try container.decodeIfPresent(Bool.self, forKey: .isComplete) ?? false
        draftOutcome = try container.decodeIfPresent(CoachingOutcome.self, forKey: .draftOutcome)
        outcome = try container.decodeIfPresent(CoachingOutcome.self, forKey: .outcome)
    }

    /// `draft_outcome` and `outcome` are always present, `null` when there is none.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(message, forKey: .message)
        try container.encode(conversationID, forKey: .conversationID)
        try container.encodeIfPresent(sessionID, forKey: .sessionID)
        try container.encode(businessContextUsed, forKey: .businessContextUsed)
        try container.encode(followUpSuggestions, forKey: .followUpSuggestions)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(isComplete, forKey: .isComplete)
        try container.encode(draftOutcome, forKey: .draftOutcome)
        try container.encode(outcome, forKey: .outcome)
    }
}
