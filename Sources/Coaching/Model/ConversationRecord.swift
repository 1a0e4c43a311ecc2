import LanguageModels
import CoachingContracts

/// The header of a conversation (the `META` item): everything but the
/// messages themselves.
public struct ConversationRecord: Sendable, Equatable {
    public var tenantID: String
    public var conversationID: String
    public var userID: String
    public var sessionID: String
    public var topic: CoachingTopic
    public var status: ConversationStatus
    public var phase: ConversationPhase
    /// The highest message sequence number; messages are numbered from 1.
    public var messageCount: Int
    /// User messages so far, and since the current phase began.
    public var userTurns: Int
    public var userTurnsInPhase: Int
    /// Optimistic-lock version, incremented by every write.
    public var version: Int
    public var language: String
    /// Epoch milliseconds.
    public var createdAt: Int64
    public var updatedAt: Int64
    public var completedAt: Int64?
    /// Older turns folded into a short summary, and the last sequence number it covers.
    public var summary: String?
    public var summarizedThrough: Int
    public var tokens: ModelUsage
    /// Estimated model cost so far, in US dollars.
    public var estimatedCostUSD: Double
    /// The model that answered the latest turn.
    public var lastModel: String?
    /// What the conversation produced, recorded when it completes.
    public var outcomes: [String]
    /// The start of the latest message, for listings (``previewLength`` characters at most).
    public var lastMessagePreview: String?
    public var pauseReason: String?
    public var feedback: String?
    public var rating: Int?
    /// Recent idempotency keys and the sequence number of the assistant
    /// message that answered each (bounded; oldest dropped first).
    public var idempotencyKeys: [IdempotencyEntry]
    /// Epoch seconds after which the record is expired (DynamoDB TTL).
    public var expiresAt: Int64

    public init(
        tenantID: String, conversationID: String, userID: String, sessionID: String, topic: CoachingTopic,
        status: ConversationStatus = .active, phase: ConversationPhase = .introduction,
        messageCount: Int = 0, userTurns: Int = 0, userTurnsInPhase: Int = 0, version: Int = 1,
        language: String = "en", createdAt: Int64, updatedAt: Int64, completedAt: Int64? = nil,
        summary: String? = nil, summarizedThrough: Int = 0, tokens: ModelUsage = .zero,
        estimatedCostUSD: Double = 0, lastModel: String? = nil, outcomes: [String] = [], lastMessagePreview: String? = nil,
        pauseReason: String? = nil, feedback: String? = nil, rating: Int? = nil,
        idempotencyKeys: [IdempotencyEntry] = [], expiresAt: Int64
    ) {
        self.tenantID = tenantID
        self.conversationID = conversationID
        self.userID = userID
        self.sessionID = sessionID
        self.topic = topic
        self.status = status
        self.phase = phase
        self.messageCount = messageCount
        self.userTurns = userTurns
        self.userTurnsInPhase = userTurnsInPhase
        self.version = version
        self.language = language
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.summary = summary
        self.summarizedThrough = summarizedThrough
        self.tokens = tokens
        self.estimatedCostUSD = estimatedCostUSD
        self.lastModel = lastModel
        self.outcomes = outcomes
        self.lastMessagePreview = lastMessagePreview
        self.pauseReason = pauseReason
        self.feedback = feedback
        self.rating = rating
        self.idempotencyKeys = idempotencyKeys
        self.expiresAt = expiresAt
    }

    /// The session record, which mirrors its conversation: both are written
    /// together, so the session never needs a read of its own.
    public var session: SessionRecord {
        SessionRecord(
            tenantID: tenantID, sessionID: sessionID, conversationID: conversationID, userID: userID, topic: topic,
            status: status, startedAt: createdAt, updatedAt: updatedAt, completedAt: completedAt, tokens: tokens,
            estimatedCostUSD: estimatedCostUSD, model: lastModel, outcomes: outcomes, version: version, expiresAt: expiresAt
        )
    }

    public var key: ConversationKey { ConversationKey(tenantID: tenantID, conversationID: conversationID) }

    /// Most characters of ``lastMessagePreview``.
    public static let previewLength = 140

    /// The preview of `text`: its first ``previewLength`` characters, whitespace folded, "…" when cut.
    public static func preview(of text: String) -> String {
        let folded = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard folded.count > previewLength else { return folded }
        return String(folded.prefix(previewLength - 1)) + "…"
    }
    public var progress: Double { phase.progress }

    /// The assistant message that answered `idempotencyKey`, if remembered.
    /// A key that answered a request with another digest is refused: replaying
    /// the old answer would tell the client its new request was taken.
    public func answer(for idempotencyKey: String, requestDigest: String? = nil) throws(CoachingError) -> Int? {
        guard let entry = idempotencyKeys.last(where: { $0.key == idempotencyKey }) else { return nil }
        if let stored = entry.requestDigest, let requestDigest, stored != requestDigest { throw .idempotencyKeyReused }
        return entry.assistantSeq
    }
}

/// One remembered idempotency key.
public struct IdempotencyEntry: Sendable, Equatable {
    public var key: String
    public var assistantSeq: Int
    /// A digest of the canonical request the key answered; `nil` for entries
    /// written before digests were kept, and for the Step Functions task.
    public var requestDigest: String?

    public init(key: String, assistantSeq: Int, requestDigest: String? = nil) {
        self.key = key
        self.assistantSeq = assistantSeq
        self.requestDigest = requestDigest
    }
}
