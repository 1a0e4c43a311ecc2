import CoachingContracts

/// The header of a conversation (the `META` item): everything but the
/// messages themselves.
package struct ConversationRecord: Sendable, Equatable {
    package var tenantID: String
    package var conversationID: String
    package var userID: String
    package var sessionID: String
    package var topic: CoachingTopic
    package var status: ConversationStatus
    package var phase: ConversationPhase
    /// The highest message sequence number; messages are numbered from 1.
    package var messageCount: Int
    /// User messages so far, and since the current phase began.
    package var userTurns: Int
    package var userTurnsInPhase: Int
    /// Optimistic-lock version, incremented by every write.
    package var version: Int
    package var language: String
    /// Epoch milliseconds.
    package var createdAt: Int64
    package var updatedAt: Int64
    package var completedAt: Int64?
    /// Older turns folded into a short summary, and the last sequence number it covers.
    package var summary: String?
    package var summarizedThrough: Int
    package var tokens: ModelUsage
    /// Estimated model cost so far, in US dollars.
    package var estimatedCostUSD: Double
    /// The model that answered the latest turn.
    package var lastModel: String?
    /// What the conversation produced, recorded when it completes.
    package var outcomes: [String]
    /// The start of the latest message, for listings (``previewLength`` characters at most).
    package var lastMessagePreview: String?
    package var pauseReason: String?
    package var feedback: String?
    package var rating: Int?
    /// Recent idempotency keys and the sequence number of the assistant
    /// message that answered each (bounded; oldest dropped first).
    package var idempotencyKeys: [IdempotencyEntry]
    /// Epoch seconds after which the record is expired (DynamoDB TTL).
    package var expiresAt: Int64
    /// The coach's current draft of the outcome (from synthesis on).
    package var draftOutcome: CoachingOutcome?
    /// The outcome the owner confirmed; set on completion, revisable afterwards.
    package var outcome: CoachingOutcome?
    /// The business context kept with the conversation: sent at the start, replaced
    /// by a message or task that sends a new one.
    package var businessContext: BusinessContext?
    /// The owner's confirmed outcomes of other topics when the conversation started.
    package var journey: [CoachingOutcome]
    /// Question categories the owner has answered (for the deepening minimum).
    package var categoriesCovered: [String]

    package init(
        tenantID: String, conversationID: String, userID: String, sessionID: String, topic: CoachingTopic,
        status: ConversationStatus = .active, phase: ConversationPhase = .introduction,
        messageCount: Int = 0, userTurns: Int = 0, userTurnsInPhase: Int = 0, version: Int = 1,
        language: String = "en", createdAt: Int64, updatedAt: Int64, completedAt: Int64? = nil,
        summary: String? = nil, summarizedThrough: Int = 0, tokens: ModelUsage = .zero,
        estimatedCostUSD: Double = 0, lastModel: String? = nil, outcomes: [String] = [], lastMessagePreview: String? = nil,
        pauseReason: String? = nil, feedback: String? = nil, rating: Int? = nil,
        idempotencyKeys: [IdempotencyEntry] = [], expiresAt: Int64, draftOutcome: CoachingOutcome? = nil,
        outcome: CoachingOutcome? = nil, businessContext: BusinessContext? = nil, journey: [CoachingOutcome] = [],
        categoriesCovered: [String] = []
    ) {
        self.draftOutcome = draftOutcome
        self.outcome = outcome
        self.businessContext = businessContext
        self.journey = journey
        self.categoriesCovered = categoriesCovered
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
    package var session: SessionRecord {
        SessionRecord(
            tenantID: tenantID, sessionID: sessionID, conversationID: conversationID, userID: userID, topic: topic,
            status: status, startedAt: createdAt, updatedAt: updatedAt, completedAt: completedAt, tokens: tokens,
            estimatedCostUSD: estimatedCostUSD, model: lastModel, outcomes: outcomes, version: version, expiresAt: expiresAt
        )
    }

    package var key: ConversationKey { ConversationKey(tenantID: tenantID, conversationID: conversationID) }

    /// Most characters of ``lastMessagePreview``.
    package static let previewLength = 140

    /// The preview of `text`: its first ``previewLength`` characters, whitespace folded, "…" when cut.
    package static func preview(of text: String) -> String {
        let folded = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard folded.count > previewLength else { return folded }
        return String(folded.prefix(previewLength - 1)) + "…"
    }
    package var progress: Double { phase.progress }

    /// The assistant message that answered `idempotencyKey`, if remembered.
    /// A key that answered a request with another digest is refused: replaying
    /// the old answer would tell the client its new request was taken.
    package func answer(for idempotencyKey: String, requestDigest: String? = nil) throws(CoachingError) -> Int? {
        guard let entry = idempotencyKeys.last(where: { $0.key == idempotencyKey }) else { return nil }
        if let stored = entry.requestDigest, let requestDigest, stored != requestDigest { throw .idempotencyKeyReused }
        return entry.assistantSeq
    }
}

/// One remembered idempotency key.
package struct IdempotencyEntry: Sendable, Equatable {
    package var key: String
    package var assistantSeq: Int
    /// A digest of the canonical request the key answered; `nil` for entries
    /// written before digests were kept, and for the Step Functions task.
    package var requestDigest: String?

    package init(key: String, assistantSeq: Int, requestDigest: String? = nil) {
        self.key = key
        self.assistantSeq = assistantSeq
        self.requestDigest = requestDigest
    }
}
