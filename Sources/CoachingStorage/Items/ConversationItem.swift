import Coaching
import CoachingContracts

/// The stored form of a conversation header: the `META` item in DynamoDB,
/// the `conversation` object in a file. snake_case, as in the tables.
struct ConversationItem: Codable, Sendable, Equatable {
    var pk: String
    var sk: String
    var entity: String
    var tenantID: String
    var conversationID: String
    var userID: String
    var sessionID: String
    var topic: CoachingTopic
    var status: ConversationStatus
    var phase: ConversationPhase
    var progress: Double
    var messageCount: Int
    var userTurns: Int
    var userTurnsInPhase: Int
    var version: Int
    var language: String
    var createdAt: Int64
    var updatedAt: Int64
    var completedAt: Int64?
    var summary: String?
    var summarizedThrough: Int
    var inputTokens: Int
    var outputTokens: Int
    var estimatedCostUSD: Double
    var lastModel: String?
    var outcomes: [String]
    var lastMessagePreview: String?
    var pauseReason: String?
    var feedback: String?
    var rating: Int?
    var idempotencyKeys: [String]
    var idempotencySeqs: [Int]
    /// Parallel to `idempotency_keys`, "" where no digest was kept; absent in items written before.
    var idempotencyDigests: [String]?
    var gsi1pk: String
    var gsi1sk: String
    var ttl: Int64
    var draftOutcome: CoachingOutcome?
    var outcome: CoachingOutcome?
    var businessContext: BusinessContext?
    var journey: [CoachingOutcome]?
    var categoriesCovered: [String]?

    enum CodingKeys: String, CodingKey {
        case pk, sk, entity
        case tenantID = "tenant_id"
        case conversationID = "conversation_id"
        case userID = "user_id"
        case sessionID = "session_id"
        case topic, status, phase, progress
        case messageCount = "message_count"
        case userTurns = "user_turns"
        case userTurnsInPhase = "user_turns_in_phase"
        case version, language
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case completedAt = "completed_at"
        case summary
        case summarizedThrough = "summarized_through"
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case estimatedCostUSD = "estimated_cost_usd"
        case lastModel = "last_model"
        case outcomes
        case lastMessagePreview = "last_message_preview"
        case pauseReason = "pause_reason"
        case feedback, rating
        case idempotencyKeys = "idempotency_keys"
        case idempotencySeqs = "idempotency_seqs"
        case idempotencyDigests = "idempotency_digests"
        case gsi1pk, gsi1sk, ttl
        case draftOutcome = "draft_outcome"
        case outcome
        case businessContext = "business_context"
        case journey
        case categoriesCovered = "categories_covered"
    }

    init(_ record: ConversationRecord) {
        pk = StorageKeys.conversationPartition(tenantID: record.tenantID, conversationID: record.conversationID)
        sk = StorageKeys.metaSortKey
        entity = "conversation"
        tenantID = record.tenantID
        conversationID = record.conversationID
        userID = record.userID
        sessionID = record.sessionID
        topic = record.topic
        status = record.status
        phase = record.phase
        progress = record.phase.progress
        messageCount = record.messageCount
        userTurns = record.userTurns
        userTurnsInPhase = record.userTurnsInPhase
        version = record.version
        language = record.language
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        completedAt = record.completedAt
        summary = record.summary
        summarizedThrough = record.summarizedThrough
        inputTokens = record.tokens.inputTokens
        outputTokens = record.tokens.outputTokens
        estimatedCostUSD = record.estimatedCostUSD
        lastModel = record.lastModel
        outcomes = record.outcomes
        lastMessagePreview = record.lastMessagePreview
        pauseReason = record.pauseReason
        feedback = record.feedback
        rating = record.rating
        idempotencyKeys = record.idempotencyKeys.map(\.key)
        idempotencySeqs = record.idempotencyKeys.map(\.assistantSeq)
        // Written only when a key has one, so that items without digests keep their stored form.
        idempotencyDigests = record.idempotencyKeys.contains { $0.requestDigest != nil }
            ? record.idempotencyKeys.map { $0.requestDigest ?? "" } : nil
        gsi1pk = StorageKeys.userPartition(tenantID: record.tenantID, userID: record.userID)
        gsi1sk = StorageKeys.recencySortKey(epochMilliseconds: record.updatedAt, id: record.conversationID)
        ttl = record.expiresAt
        draftOutcome = record.draftOutcome
        outcome = record.outcome
        businessContext = record.businessContext
        journey = record.journey.isEmpty ? nil : record.journey
        categoriesCovered = record.categoriesCovered.isEmpty ? nil : record.categoriesCovered
    }

    var record: ConversationRecord {
        ConversationRecord(
            tenantID: tenantID, conversationID: conversationID, userID: userID, sessionID: sessionID, topic: topic,
            status: status, phase: phase, messageCount: messageCount, userTurns: userTurns,
            userTurnsInPhase: userTurnsInPhase, version: version, language: language, createdAt: createdAt,
            updatedAt: updatedAt, completedAt: completedAt, summary: summary, summarizedThrough: summarizedThrough,
            tokens: ModelUsage(inputTokens: inputTokens, outputTokens: outputTokens),
            estimatedCostUSD: estimatedCostUSD, lastModel: lastModel, outcomes: outcomes,
            lastMessagePreview: lastMessagePreview, pauseReason: pauseReason,
            feedback: feedback, rating: rating,
            idempotencyKeys: idempotencyEntries,
            expiresAt: ttl, draftOutcome: draftOutcome, outcome: outcome, businessContext: businessContext,
            journey: journey ?? [], categoriesCovered: categoriesCovered ?? []
        )
    }

    private var idempotencyEntries: [IdempotencyEntry] {
        let digests = idempotencyDigests ?? []
        return zip(idempotencyKeys, idempotencySeqs).enumerated().map { index, pair in
            let digest = index < digests.count && !digests[index].isEmpty ? digests[index] : nil
            return IdempotencyEntry(key: pair.0, assistantSeq: pair.1, requestDigest: digest)
        }
    }
}
