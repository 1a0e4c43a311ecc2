/// One message of a conversation, as `GET /conversations/{id}` lists it.
package struct ConversationMessage: Codable, Sendable, Equatable {
    /// 1-based position in the conversation.
    package var seq: Int
    package var role: MessageRole
    package var content: String
    package var createdAt: ContractDate
    /// Assistant messages: the phase the reply was given in.
    package var phase: ConversationPhase?
    /// Assistant messages: the suggested answers offered with the reply (chips to show again after a reload).
    package var suggestions: [String]?

    package init(seq: Int, role: MessageRole, content: String, createdAt: ContractDate, phase: ConversationPhase? = nil,
                suggestions: [String]? = nil) {
        self.seq = seq
        self.role = role
        self.content = content
        self.createdAt = createdAt
        self.phase = phase
        self.suggestions = suggestions
    }

    enum CodingKeys: String, CodingKey {
        case seq, role, content
        case createdAt = "created_at"
        case phase, suggestions
    }
}
