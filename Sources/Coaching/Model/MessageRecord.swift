import CoachingContracts

/// One message of a conversation (a `MESSAGE#` item).
package struct MessageRecord: Sendable, Equatable {
    package var seq: Int
    package var role: MessageRole
    package var content: String
    /// Epoch milliseconds.
    package var createdAt: Int64
    /// For assistant messages: what the turn produced, so an idempotent
    /// retry can be answered again without calling the model.
    package var reply: ReplyMetadata?
    /// Epoch seconds (DynamoDB TTL).
    package var expiresAt: Int64

    package init(seq: Int, role: MessageRole, content: String, createdAt: Int64, reply: ReplyMetadata? = nil, expiresAt: Int64) {
        self.seq = seq
        self.role = role
        self.content = content
        self.createdAt = createdAt
        self.reply = reply
        self.expiresAt = expiresAt
    }
}

/// The coaching facts attached to an assistant message.
package struct ReplyMetadata: Sendable, Equatable {
    package var phase: ConversationPhase
    package var followUpQuestion: String?
    package var suggestions: [String]
    package var model: String
    package var fallback: Bool
    /// The model stopped at its token limit: the reply is cut short.
    package var truncated: Bool
    package var usage: ModelUsage
    package var businessContextUsed: Bool
    package var idempotencyKey: String?
    /// The language the reply is in, and whether the context it used was stale.
    package var language: String
    package var businessContextStale: Bool

    package init(
        phase: ConversationPhase, followUpQuestion: String? = nil, suggestions: [String] = [], model: String,
        fallback: Bool = false, truncated: Bool = false, usage: ModelUsage = .zero, businessContextUsed: Bool = false,
        idempotencyKey: String? = nil, language: String = "en", businessContextStale: Bool = false
    ) {
        self.language = language
        self.businessContextStale = businessContextStale
        self.phase = phase
        self.followUpQuestion = followUpQuestion
        self.suggestions = suggestions
        self.model = model
        self.fallback = fallback
        self.truncated = truncated
        self.usage = usage
        self.businessContextUsed = businessContextUsed
        self.idempotencyKey = idempotencyKey
    }
}
