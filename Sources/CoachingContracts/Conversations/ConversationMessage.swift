/// One message of a conversation, as `GET /conversations/{id}` lists it.
public struct ConversationMessage: Codable, Sendable, Equatable {
    /// 1-based position in the conversation.
    public var seq: Int
    public var role: MessageRole
    public var content: String
    public var createdAt: ContractDate

    public init(seq: Int, role: MessageRole, content: String, createdAt: ContractDate) {
        self.seq = seq
        self.role = role
        self.content = content
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case seq, role, content
        case createdAt = "created_at"
    }
}
