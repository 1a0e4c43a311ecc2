/// One message of a conversation, as `GET /conversations/{id}` lists it.
public struct ConversationMessage: Codable, Sendable, Equatable {
    /// 1-based position in the conversation.
    public var seq: Int
    public var role: MessageRole
    public var content: String
    public var createdAt: ContractDate
    /// Assistant messages: the phase the reply was given in.
    public var phase: ConversationPhase?
    /// Assistant messages: the suggested answers offered with the reply (chips to show again after a reload).
    public var suggestions: [String]?

    public init(seq: Int, role: MessageRole, content: String, createdAt: ContractDate, phase: ConversationPhase? = nil,
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
