/// The 201 answer to initiate: the new conversation and the coach's opening question.
package struct InitiateConversationResponse: Codable, Sendable, Equatable {
    package var conversationID: String
    /// Deprecated: `conversation_id` under the name the old frontend reads (`data.id`).
    package var id: String
    package var sessionID: String
    package var topic: CoachingTopic
    package var status: ConversationStatus
    package var phase: ConversationPhase
    package var progress: Double
    /// The opening question.
    package var message: String
    package var createdAt: ContractDate

    package init(conversationID: String, sessionID: String, topic: CoachingTopic, status: ConversationStatus = .active,
                phase: ConversationPhase = .introduction, message: String, createdAt: ContractDate) {
        self.conversationID = conversationID
        self.id = conversationID
        self.sessionID = sessionID
        self.topic = topic
        self.status = status
        self.phase = phase
        self.progress = phase.progress
        self.message = message
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id"
        case id
        case sessionID = "session_id"
        case topic, status, phase, progress, message
        case createdAt = "created_at"
    }
}
