import Coaching
import CoachingContracts

/// The stored form of one message: a `MESSAGE#` item.
struct MessageItem: Codable, Sendable, Equatable {
    var pk: String
    var sk: String
    var entity: String
    var seq: Int
    var role: MessageRole
    var content: String
    var createdAt: Int64
    var phase: ConversationPhase?
    var followUpQuestion: String?
    var suggestions: [String]?
    var model: String?
    var fallback: Bool?
    /// Only stored when true.
    var truncated: Bool?
    var inputTokens: Int?
    var outputTokens: Int?
    var businessContextUsed: Bool?
    var idempotencyKey: String?
    var language: String?
    var businessContextStale: Bool?
    var ttl: Int64

    enum CodingKeys: String, CodingKey {
        case pk, sk, entity, seq, role, content
        case createdAt = "created_at"
        case phase
        case followUpQuestion = "follow_up_question"
        case suggestions, model, fallback, truncated
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case businessContextUsed = "business_context_used"
        case idempotencyKey = "idempotency_key"
        case language
        case businessContextStale = "business_context_stale"
        case ttl
    }

    init(_ record: MessageRecord, key: ConversationKey) {
        pk = StorageKeys.conversationPartition(tenantID: key.tenantID, conversationID: key.conversationID)
        sk = StorageKeys.messageSortKey(seq: record.seq)
        entity = "message"
        seq = record.seq
        role = record.role
        content = record.content
        createdAt = record.createdAt
        phase = record.reply?.phase
        followUpQuestion = record.reply?.followUpQuestion
        suggestions = record.reply.map(\.suggestions)
        model = record.reply?.model
        fallback = record.reply?.fallback
        truncated = record.reply?.truncated == true ? true : nil
        inputTokens = record.reply?.usage.inputTokens
        outputTokens = record.reply?.usage.outputTokens
        businessContextUsed = record.reply?.businessContextUsed
        idempotencyKey = record.reply?.idempotencyKey
        // Only what differs from the defaults ("en", fresh), as items written before these existed.
        language = record.reply.flatMap { $0.language == "en" ? nil : $0.language }
        businessContextStale = record.reply.flatMap { $0.businessContextStale ? true : nil }
        ttl = record.expiresAt
    }

    var record: MessageRecord {
        var reply: ReplyMetadata?
        if let phase, let model {
            reply = ReplyMetadata(
                phase: phase, followUpQuestion: followUpQuestion, suggestions: suggestions ?? [], model: model,
                fallback: fallback ?? false, truncated: truncated ?? false,
                usage: ModelUsage(inputTokens: inputTokens ?? 0, outputTokens: outputTokens ?? 0),
                businessContextUsed: businessContextUsed ?? false, idempotencyKey: idempotencyKey,
                language: language ?? "en", businessContextStale: businessContextStale ?? false
            )
        }
        return MessageRecord(seq: seq, role: role, content: content, createdAt: createdAt, reply: reply, expiresAt: ttl)
    }
}
