/// The answer to pause, resume, complete and delete: where the conversation now stands.
public struct ConversationStateResponse: Codable, Sendable, Equatable {
    public var conversationID: String
    public var status: ConversationStatus
    public var phase: ConversationPhase
    public var progress: Double
    public var updatedAt: ContractDate

    public init(conversationID: String, status: ConversationStatus, phase: ConversationPhase, updatedAt: ContractDate) {
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
    }
}
