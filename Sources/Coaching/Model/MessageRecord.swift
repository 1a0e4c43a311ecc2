import LanguageModels
import CoachingContracts

/// One message of a conversation (a `MESSAGE#` item).
public struct MessageRecord: Sendable, Equatable {
    public var seq: Int
    public var role: MessageRole
    public var content: String
    /// Epoch milliseconds.
    public var createdAt: Int64
    /// For assistant messages: what the turn produced, so an idempotent
    /// retry can be answered again without calling the model.
    public var reply: ReplyMetadata?
    /// Epoch seconds (DynamoDB TTL).
    public var expiresAt: Int64

    public init(seq: Int, role: MessageRole, content: String, createdAt: Int64, reply: ReplyMetadata? = nil, expiresAt: Int64) {
        self.seq = seq
        self.role = role
        self.content = content
        self.createdAt = createdAt
        self.reply = reply
        self.expiresAt = expiresAt
    }
}

/// The coaching facts attached to an assistant message.
public struct ReplyMetadata: Sendable, Equatable {
    public var phase: ConversationPhase
    public var followUpQuestion: String?
    public var suggestions: [String]
    public var model: String
    public var fallback: Bool
    public var usage: ModelUsage
    public var businessContextUsed: Bool
    public var idempotencyKey: String?

    public init(
        phase: ConversationPhase, followUpQuestion: String? = nil, suggestions: [String] = [], model: String,
        fallback: Bool = false, usage: ModelUsage = .zero, businessContextUsed: Bool = false, idempotencyKey: String? = nil
    ) {
        self.phase = phase
        self.followUpQuestion = followUpQuestion
        self.suggestions = suggestions
        self.model = model
        self.fallback = fallback
        self.usage = usage
        self.businessContextUsed = businessContextUsed
        self.idempotencyKey = idempotencyKey
    }
}
