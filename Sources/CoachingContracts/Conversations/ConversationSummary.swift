/// A conversation without its messages: one item of `GET /conversations`.
public struct ConversationSummary: Codable, Sendable, Equatable {
    public var conversationID: String
    public var sessionID: String?
    /// A name to show for the conversation ("Core values").
    public var title: String
    public var topic: CoachingTopic
    public var status: ConversationStatus
    public var phase: ConversationPhase
    public var progress: Double
    public var messageCount: Int
    public var createdAt: ContractDate
    public var updatedAt: ContractDate
    public var completedAt: ContractDate?
    /// The start of the latest message, whitespace folded.
    public var lastMessagePreview: String?
    /// When the latest message (or status change) happened.
    public var lastActivityAt: ContractDate

    public init(conversationID: String, sessionID: String? = nil, title: String, topic: CoachingTopic, status: ConversationStatus,
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
