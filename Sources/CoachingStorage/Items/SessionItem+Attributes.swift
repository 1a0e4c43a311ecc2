import CoachingContracts
import DynamoDB

extension SessionItem: StoredItem {
    init(item: DynamoDBItem) throws(ItemError) {
        let item = ItemReader(item)
        pk = try item.string("pk")
        sk = try item.string("sk")
        entity = try item.string("entity")
        tenantID = try item.string("tenant_id")
        sessionID = try item.string("session_id")
        conversationID = try item.string("conversation_id")
        userID = try item.string("user_id")
        topic = try item.string("topic", as: CoachingTopic.self)
        status = try item.string("status", as: ConversationStatus.self)
        startedAt = try item.integer("started_at")
        updatedAt = try item.integer("updated_at")
        completedAt = try item.optionalInteger("completed_at")
        inputTokens = try item.integer("input_tokens")
        outputTokens = try item.integer("output_tokens")
        estimatedCostUSD = try item.double("estimated_cost_usd")
        model = try item.optionalString("model")
        outcomes = try item.strings("outcomes")
        version = try item.integer("version")
        gsi1pk = try item.string("gsi1pk")
        gsi1sk = try item.string("gsi1sk")
        ttl = try item.integer("ttl")
    }

    var attributes: DynamoDBItem {
        get throws(ItemError) {
            var item: DynamoDBItem = [
                "pk": .s(pk),
                "sk": .s(sk),
                "entity": .s(entity),
                "tenant_id": .s(tenantID),
                "session_id": .s(sessionID),
                "conversation_id": .s(conversationID),
                "user_id": .s(userID),
                "topic": .s(topic.rawValue),
                "status": .s(status.rawValue),
                "started_at": .number(startedAt),
                "updated_at": .number(updatedAt),
                "input_tokens": .number(inputTokens),
                "output_tokens": .number(outputTokens),
                "estimated_cost_usd": try .number(estimatedCostUSD, attribute: "estimated_cost_usd"),
                "outcomes": .strings(outcomes),
                "version": .number(version),
                "gsi1pk": .s(gsi1pk),
                "gsi1sk": .s(gsi1sk),
                "ttl": .number(ttl),
            ]
            item["completed_at"] = completedAt.map { .number($0) }
            item["model"] = model.map { .s($0) }
            return item
        }
    }
}
