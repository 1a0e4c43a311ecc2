/// The coach's answer to one message of a conversation.
package struct SendMessageResponse: Codable, Sendable, Equatable {
    package var conversationID: String
    package var message: String
    package var followUpQuestion: String?
    package var followUpSuggestions: [String]
    package var phase: ConversationPhase
    package var progress: Double
    package var isComplete: Bool
    package var messageCount: Int
    /// True when the offline coach answered because the configured model failed.
    package var fallback: Bool
    package var model: String
    /// The coach's current draft of the outcome, from synthesis on (`null` before).
    package var draftOutcome: CoachingOutcome?
    /// The confirmed outcome, once the conversation is complete (`null` before).
    package var outcome: CoachingOutcome?
    /// Whether a business context (sent now or stored with the conversation) grounded the reply.
    package var businessContextUsed: Bool
    /// The language the reply is in.
    package var language: String
    /// Deprecated: `message`, `is_complete` and `outcome` under the names the old
    /// frontend reads (`{reply, completed, value}`).
    package var reply: String
    package var completed: Bool

    package init(conversationID: String, message: String, followUpQuestion: String? = nil, followUpSuggestions: [String] = [],
                phase: ConversationPhase, isComplete: Bool, messageCount: Int, fallback: Bool, model: String,
                draftOutcome: CoachingOutcome? = nil, outcome: CoachingOutcome? = nil, businessContextUsed: Bool = false,
                language: String = "en") {
        self.conversationID = conversationID
        self.message = message
        self.followUpQuestion = followUpQuestion
        self.followUpSuggestions = Array(followUpSuggestions.prefix(ContractLimits.maxFollowUpSuggestions))
        self.phase = phase
        self.progress = phase.progress
        self.isComplete = isComplete
        self.messageCount = messageCount
        self.fallback = fallback
        self.model = model
        self.draftOutcome = draftOutcome
        self.outcome = outcome
        self.businessContextUsed = businessContextUsed
        self.language = language
        self.reply = message
        self.completed = isComplete
    }

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id"
        case message
        case followUpQuestion = "follow_up_question"
        case followUpSuggestions = "follow_up_suggestions"
        case phase, progress
        case isComplete = "is_complete"
        case messageCount = "message_count"
        case fallback, model
        case draftOutcome = "draft_outcome"
        case outcome
        case businessContextUsed = "business_context_used"
        case language
        case reply, completed, value
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            conversationID: try container.decode(String.self, forKey: .conversationID),
            message: try container.decode(String.self, forKey: .message),
            followUpQuestion: try container.decodeIfPresent(String.self, forKey: .followUpQuestion),
            followUpSuggestions: try container.decode([String].self, forKey: .followUpSuggestions),
            phase: try container.decode(ConversationPhase.self, forKey: .phase),
            isComplete: try container.decode(Bool.self, forKey: .isComplete),
            messageCount: try container.decode(Int.self, forKey: .messageCount),
            fallback: try container.decode(Bool.self, forKey: .fallback),
            model: try container.decode(String.self, forKey: .model),
            draftOutcome: try container.decodeIfPresent(CoachingOutcome.self, forKey: .draftOutcome),
            outcome: try container.decodeIfPresent(CoachingOutcome.self, forKey: .outcome),
            businessContextUsed: try container.decodeIfPresent(Bool.self, forKey: .businessContextUsed) ?? false,
            language: try container.decodeIfPresent(String.self, forKey: .language) ?? "en"
        )
    }

    /// `draft_outcome`, `outcome` and the legacy `value` (= `outcome`) are always present, `null` when there is none.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(conversationID, forKey: .conversationID)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(followUpQuestion, forKey: .followUpQuestion)
        try container.encode(followUpSuggestions, forKey: .followUpSuggestions)
        try container.encode(phase, forKey: .phase)
        try container.encode(progress, forKey: .progress)
        try container.encode(isComplete, forKey: .isComplete)
        try container.encode(messageCount, forKey: .messageCount)
        try container.encode(fallback, forKey: .fallback)
        try container.encode(model, forKey: .model)
        try container.encode(draftOutcome, forKey: .draftOutcome)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(businessContextUsed, forKey: .businessContextUsed)
        try container.encode(language, forKey: .language)
        try container.encode(reply, forKey: .reply)
        try container.encode(completed, forKey: .completed)
        try container.encode(outcome, forKey: .value)
    }
}
