/// The 201 answer to initiate: the new conversation and the coach's opening question.
public struct InitiateConversationResponse: Codable, Sendable, Equatable {
    public var conversationID: String
    /// Deprecated: `conversation_id` under the name the old frontend reads (`data.id`).
    public var id: String
    public var sessionID: String
    public var topic: CoachingTopic
    public var status: ConversationStatus
    public var phase: ConversationPhase
    public var progress: Double
    /// The opening question.
    public var message: String
    public var createdAt: ContractDate

    public init(conversationID: String, sessionID: String, topic: CoachingTopic, status: ConversationStatus = .active,
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
