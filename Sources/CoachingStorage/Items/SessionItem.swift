import Coaching
import CoachingContracts

/// The stored form of a coaching session.
struct SessionItem: Codable, Sendable, Equatable {
    var pk: String
    var sk: String
    var entity: String
    var tenantID: String
    var sessionID: String
    var conversationID: String
    var userID: String
    var topic: CoachingTopic
    var status: ConversationStatus
    var startedAt: Int64
    var updatedAt: Int64
    var completedAt: Int64?
    var inputTokens: Int
    var outputTokens: Int
    var estimatedCostUSD: Double
    var model: String?
    var outcomes: [String]
    var version: Int
    var gsi1pk: String
    var gsi1sk: String
    var ttl: Int64

    enum CodingKeys: String, CodingKey {
        case pk, sk, entity
        case tenantID = "tenant_id"
        case sessionID = "session_id"
        case conversationID = "conversation_id"
        case userID = "user_id"
        case topic, status
        case startedAt = "started_at"
        case updatedAt = "updated_at"
        case completedAt = "completed_at"
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case estimatedCostUSD = "estimated_cost_usd"
        case model, outcomes, version, gsi1pk, gsi1sk, ttl
    }

    init(_ record: SessionRecord) {
        pk = StorageKeys.sessionPartition(tenantID: record.tenantID, sessionID: record.sessionID)
        sk = StorageKeys.sessionSortKey
        entity = "session"
        tenantID = record.tenantID
        sessionID = record.sessionID
        conversationID = record.conversationID
        userID = record.userID
        topic = record.topic
        status = record.status
        startedAt = record.startedAt
        updatedAt = record.updatedAt
        completedAt = record.completedAt
        inputTokens = record.tokens.inputTokens
        outputTokens = record.tokens.outputTokens
        estimatedCostUSD = record.estimatedCostUSD
        model = record.model
        outcomes = record.outcomes
        version = record.version
        gsi1pk = StorageKeys.userPartition(tenantID: record.tenantID, userID: record.userID)
        gsi1sk = StorageKeys.recencySortKey(epochMilliseconds: record.startedAt, id: record.sessionID)
        ttl = record.expiresAt
    }

    var record: SessionRecord {
        SessionRecord(
            tenantID: tenantID, sessionID: sessionID, conversationID: conversationID, userID: userID, topic: topic,
            status: status, startedAt: startedAt, updatedAt: updatedAt, completedAt: completedAt,
            tokens: ModelUsage(inputTokens: inputTokens, outputTokens: outputTokens),
            estimatedCostUSD: estimatedCostUSD, model: model, outcomes: outcomes, version: version, expiresAt: ttl
        )
    }
}
