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

    package init(message: String, conversationID: String, sessionID: String? = nil, businessContextUsed: Bool,
                followUpSuggestions: [String] = [], metadata: CoachingResponseMetadata) {
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
    }
}
