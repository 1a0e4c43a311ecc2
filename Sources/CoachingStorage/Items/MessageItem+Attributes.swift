import CoachingContracts
import DynamoDB

extension MessageItem: StoredItem {
    init(item: DynamoDBItem) throws(ItemError) {
        let item = ItemReader(item)
        pk = try item.string("pk")
        sk = try item.string("sk")
        entity = try item.string("entity")
        seq = try item.integer("seq")
        role = try item.string("role", as: MessageRole.self)
        content = try item.string("content")
        createdAt = try item.integer("created_at")
        phase = try item.optionalString("phase", as: ConversationPhase.self)
        followUpQuestion = try item.optionalString("follow_up_question")
        suggestions = try item.optionalStrings("suggestions")
        model = try item.optionalString("model")
        fallback = try item.optionalBool("fallback")
        inputTokens = try item.optionalInteger("input_tokens")
        outputTokens = try item.optionalInteger("output_tokens")
        businessContextUsed = try item.optionalBool("business_context_used")
        idempotencyKey = try item.optionalString("idempotency_key")
        language = try item.optionalString("language")
        businessContextStale = try item.optionalBool("business_context_stale")
        ttl = try item.integer("ttl")
    }

    /// A user message stores only its text; a reply also its metadata.
    var attributes: DynamoDBItem {
        var item: DynamoDBItem = [
            "pk": .s(pk),
            "sk": .s(sk),
            "entity": .s(entity),
            "seq": .number(seq),
            "role": .s(role.rawValue),
            "content": .s(content),
            "created_at": .number(createdAt),
            "ttl": .number(ttl),
        ]
        item["phase"] = phase.map { .s($0.rawValue) }
        item["follow_up_question"] = followUpQuestion.map { .s($0) }
        item["suggestions"] = suggestions.map { .strings($0) }
        item["model"] = model.map { .s($0) }
        item["fallback"] = fallback.map { .bool($0) }
        item["input_tokens"] = inputTokens.map { .number($0) }
        item["output_tokens"] = outputTokens.map { .number($0) }
        item["business_context_used"] = businessContextUsed.map { .bool($0) }
        item["idempotency_key"] = idempotencyKey.map { .s($0) }
        item["language"] = language.map { .s($0) }
        item["business_context_stale"] = businessContextStale.map { .bool($0) }
        return item
    }
}
