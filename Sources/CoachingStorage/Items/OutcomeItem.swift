import Coaching
import CoachingContracts

/// The stored form of a confirmed outcome: `pk = TENANT#t#USER#u#OUTCOMES`,
/// `sk = OUTCOME#<topic>` in the conversations table; no `ttl`, so it outlives
/// the conversation. A later confirmation of the topic replaces it.
struct OutcomeItem: Codable, Sendable, Equatable {
    var pk: String
    var sk: String
    var entity: String
    var tenantID: String
    var userID: String
    var topic: CoachingTopic
    var conversationID: String
    var outcome: CoachingOutcome
    var confirmedAt: Int64

    enum CodingKeys: String, CodingKey {
        case pk, sk, entity
        case tenantID = "tenant_id"
        case userID = "user_id"
        case topic
        case conversationID = "conversation_id"
        case outcome
        case confirmedAt = "confirmed_at"
    }

    init(_ record: OutcomeRecord) {
        pk = StorageKeys.outcomePartition(tenantID: record.tenantID, userID: record.userID)
        sk = StorageKeys.outcomeSortKey(topic: record.topic.rawValue)
        entity = "outcome"
        tenantID = record.tenantID
        userID = record.userID
        topic = record.topic
        conversationID = record.conversationID
        outcome = record.outcome
        confirmedAt = record.confirmedAt
    }

    var record: OutcomeRecord {
        OutcomeRecord(tenantID: tenantID, userID: userID, topic: topic, conversationID: conversationID, outcome: outcome, confirmedAt: confirmedAt)
    }
}
