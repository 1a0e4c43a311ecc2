/// A conversation without its messages: one item of `GET /conversations`.
package struct ConversationSummary: Codable, Sendable, Equatable {
    package var conversationID: String
    package var sessionID: String?
    /// A name to show for the conversation ("Core values").
    package var title: String
    package var topic: CoachingTopic
    package var status: ConversationStatus
    package var phase: ConversationPhase
    package var progress: Double
    package var messageCount: Int
    package var createdAt: ContractDate
    package var updatedAt: ContractDate
    package var completedAt: ContractDate?
    /// The start of the latest message, whitespace folded.
    package var lastMessagePreview: String?
    /// When the latest message (or status change) happened.
    package var lastActivityAt: ContractDate

    package init(conversationID: String, sessionID: String? = nil, title: String, topic: CoachingTopic, status: ConversationStatus,
                phase: ConversationPhase, messageCount: Int, createdAt: ContractDate, updatedAt: ContractDate,
                completedAt: ContractDate? = nil, lastMessagePreview: String? = nil) {
        self.conversationID = conversationID
        self.sessionID = sessionID
        self.title = title
        self.lastMessagePreview = lastMessagePreview
        self.lastActivityAt = updatedAt
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
        case title, topic, status, phase, progress
        case messageCount = "message_count"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case completedAt = "completed_at"
        case lastMessagePreview = "last_message_preview"
        case lastActivityAt = "last_activity_at"
    }
}
