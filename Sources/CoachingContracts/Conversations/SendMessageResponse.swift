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

    package init(conversationID: String, message: String, followUpQuestion: String? = nil, followUpSuggestions: [String] = [],
                phase: ConversationPhase, isComplete: Bool, messageCount: Int, fallback: Bool, model: String) {
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
    }
}
