import CoachingContracts
import DynamoDB

extension ConversationItem: StoredItem {
    init(item: DynamoDBItem) throws(ItemError) {
        let item = ItemReader(item)
        pk = try item.string("pk")
        sk = try item.string("sk")
        entity = try item.string("entity")
        tenantID = try item.string("tenant_id")
        conversationID = try item.string("conversation_id")
        userID = try item.string("user_id")
        sessionID = try item.string("session_id")
        topic = try item.string("topic", as: CoachingTopic.self)
        status = try item.string("status", as: ConversationStatus.self)
        phase = try item.string("phase", as: ConversationPhase.self)
        progress = try item.double("progress")
        messageCount = try item.integer("message_count")
        userTurns = try item.integer("user_turns")
        userTurnsInPhase = try item.integer("user_turns_in_phase")
        version = try item.integer("version")
        language = try item.string("language")
        createdAt = try item.integer("created_at")
        updatedAt = try item.integer("updated_at")
        completedAt = try item.optionalInteger("completed_at")
        summary = try item.optionalString("summary")
        summarizedThrough = try item.integer("summarized_through")
        inputTokens = try item.integer("input_tokens")
        outputTokens = try item.integer("output_tokens")
        estimatedCostUSD = try item.double("estimated_cost_usd")
        lastModel = try item.optionalString("last_model")
        outcomes = try item.strings("outcomes")
        lastMessagePreview = try item.optionalString("last_message_preview")
        pauseReason = try item.optionalString("pause_reason")
        feedback = try item.optionalString("feedback")
        rating = try item.optionalInteger("rating")
        idempotencyKeys = try item.strings("idempotency_keys")
        idempotencySeqs = try item.integers("idempotency_seqs")
        idempotencyDigests = try item.optionalStrings("idempotency_digests")
        gsi1pk = try item.string("gsi1pk")
        gsi1sk = try item.string("gsi1sk")
        ttl = try item.integer("ttl")
        draftOutcome = try item.optionalJSON("draft_outcome", as: CoachingOutcome.self)
        outcome = try item.optionalJSON("outcome", as: CoachingOutcome.self)
        businessContext = try item.optionalJSON("business_context", as: BusinessContext.self)
        journey = try item.optionalJSON("journey", as: [CoachingOutcome].self)
        categoriesCovered = try item.optionalStrings("categories_covered")
    }

    var attributes: DynamoDBItem {
        get throws(ItemError) {
            var item: DynamoDBItem = [
                "pk": .s(pk),
                "sk": .s(sk),
                "entity": .s(entity),
                "tenant_id": .s(tenantID),
                "conversation_id": .s(conversationID),
                "user_id": .s(userID),
                "session_id": .s(sessionID),
                "topic": .s(topic.rawValue),
                "status": .s(status.rawValue),
                "phase": .s(phase.rawValue),
                "progress": try .number(progress, attribute: "progress"),
                "message_count": .number(messageCount),
                "user_turns": .number(userTurns),
                "user_turns_in_phase": .number(userTurnsInPhase),
                "version": .number(version),
                "language": .s(language),
                "created_at": .number(createdAt),
                "updated_at": .number(updatedAt),
                "summarized_through": .number(summarizedThrough),
                "input_tokens": .number(inputTokens),
                "output_tokens": .number(outputTokens),
                "estimated_cost_usd": try .number(estimatedCostUSD, attribute: "estimated_cost_usd"),
                "outcomes": .strings(outcomes),
                "idempotency_keys": .strings(idempotencyKeys),
                "idempotency_seqs": .integers(idempotencySeqs),
                "gsi1pk": .s(gsi1pk),
                "gsi1sk": .s(gsi1sk),
                "ttl": .number(ttl),
            ]
            item["completed_at"] = completedAt.map { .number($0) }
            item["summary"] = summary.map { .s($0) }
            item["last_model"] = lastModel.map { .s($0) }
            item["pause_reason"] = pauseReason.map { .s($0) }
            item["feedback"] = feedback.map { .s($0) }
            item["rating"] = rating.map { .number($0) }
            item["last_message_preview"] = lastMessagePreview.map { .s($0) }
            item["idempotency_digests"] = idempotencyDigests.map { .strings($0) }
            item["draft_outcome"] = try draftOutcome.map { (value: CoachingOutcome) throws(ItemError) in try .json(value, attribute: "draft_outcome") }
            item["outcome"] = try outcome.map { (value: CoachingOutcome) throws(ItemError) in try .json(value, attribute: "outcome") }
            item["business_context"] = try businessContext.map { (value: BusinessContext) throws(ItemError) in
                try .json(value, attribute: "business_context")
            }
            item["journey"] = try journey.map { (value: [CoachingOutcome]) throws(ItemError) in try .json(value, attribute: "journey") }
            item["categories_covered"] = categoriesCovered.map { .strings($0) }
            return item
        }
    }
}
