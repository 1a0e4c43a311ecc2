/// A conversation without its messages: one item of `GET /conversations`.
package struct ConversationSummary: Codable, Sendable, Equatable {
    package var conversationID: String
    package var sessionID: String?
    package var topic: CoachingTopic
    package var status: ConversationStatus
    package var phase: ConversationPhase
    package var progress: Double
    package var messageCount: Int
    package var createdAt: ContractDate
    package var updatedAt: ContractDate
    package var completedAt: ContractDate?

    package init(conversationID: String, sessionID: String? = nil, topic: CoachingTopic, status: ConversationStatus,
                phase: ConversationPhase, messageCount: Int, createdAt: ContractDate, updatedAt: ContractDate,
                completedAt: ContractDate? = nil) {
        self.conversationID = conversationID
        self.sessionID = sessionID
        self.topic = topic
        self.status = status
        self.phase = phase
        self.progress = phase.progress
        self.messageCount = messageCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
    }

    enum CodingKeys: String, CodingKey {
        case conversationID = "conversation_id"
        case sessionID = "session_id"
        case topic, status, phase, progress
        case messageCount = "message_count"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case completedAt = "completed_at"
    }
}
