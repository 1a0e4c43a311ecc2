import CoachingContracts
import DynamoDB

extension OutcomeItem: StoredItem {
    init(item: DynamoDBItem) throws(ItemError) {
        let item = ItemReader(item)
        pk = try item.string("pk")
        sk = try item.string("sk")
        entity = try item.string("entity")
        tenantID = try item.string("tenant_id")
        userID = try item.string("user_id")
        topic = try item.string("topic", as: CoachingTopic.self)
        conversationID = try item.string("conversation_id")
        guard let outcome = try item.optionalJSON("outcome", as: CoachingOutcome.self) else { throw .missingAttribute("outcome") }
        self.outcome = outcome
        confirmedAt = try item.integer("confirmed_at")
    }

    /// No `ttl`: a confirmed outcome never expires.
    var attributes: DynamoDBItem {
        get throws(ItemError) {
            [
                "pk": .s(pk),
                "sk": .s(sk),
                "entity": .s(entity),
                "tenant_id": .s(tenantID),
                "user_id": .s(userID),
                "topic": .s(topic.rawValue),
                "conversation_id": .s(conversationID),
                "outcome": try .json(outcome, attribute: "outcome"),
                "confirmed_at": .number(confirmedAt),
            ]
        }
    }
}
