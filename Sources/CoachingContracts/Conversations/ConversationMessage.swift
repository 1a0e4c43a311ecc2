/// One message of a conversation, as `GET /conversations/{id}` lists it.
package struct ConversationMessage: Codable, Sendable, Equatable {
    /// 1-based position in the conversation.
    package var seq: Int
    package var role: MessageRole
    package var content: String
    package var createdAt: ContractDate

    package init(seq: Int, role: MessageRole, content: String, createdAt: ContractDate) {
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
