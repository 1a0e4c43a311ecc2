import Coaching
import CoachingContracts

extension Endpoints {
    /// `POST /api/v1/conversations/initiate` → 201 with the opening question.
    func initiate(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let key = try context.idempotencyKey()
        let body = try context.body(InitiateConversationRequest.self)
        try body.businessContext?.checkBelongs(to: caller, at: ["body", "business_context"])
        let digest = key == nil ? nil : try context.requestDigest(of: body, coder: coder)
        let started = try perform { () throws(CoachingError) in
            try service.start(caller, .init(topic: body.topic, language: body.language, businessContext: body.businessContext,
                                            idempotencyKey: key, requestDigest: digest), deadline: context.deadline)
        }
        context.logger.info("conversation started", [
            "conversationId": .string(started.conversation.conversationID), "topic": .string(started.conversation.topic.rawValue),
        ])
        return try coder.success(201, WireMapping.started(started),
                                 headers: started.replayed ? ["idempotent-replayed": "true"] : [:])
    }

    /// `POST /api/v1/conversations/{id}/message`, idempotent with `Idempotency-Key`.
    func message(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let id = try context.pathID("id", as: "conversation_id")
        let key = try context.idempotencyKey()
        let body = try context.body(SendMessageRequest.self)
        try body.businessContext?.checkBelongs(to: caller, at: ["body", "business_context"])
        let digest = key == nil ? nil : try context.requestDigest(of: body, coder: coder)
        let outcome = try perform { () throws(CoachingError) in
            try service.takeTurn(caller, TurnRequest(
                conversationID: id, message: body.userMessage, businessContext: body.businessContext, idempotencyKey: key,
                requestDigest: digest
            ), deadline: context.deadline)
        }
        record(outcome, source: .direct, context: context)
        return try coder.success(200, WireMapping.sendMessage(outcome), headers: outcome.replayed ? ["idempotent-replayed": "true"] : [:])
    }

    /// `GET /api/v1/conversations/{id}?limit=&cursor=&order=`: the conversation and a page of messages.
    func conversation(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let id = try context.pathID("id", as: "conversation_id")
        let query = try context.listQuery()
        let (conversation, messages) = try perform { () throws(CoachingError) in
            try service.conversation(caller, conversationID: id, messages: PageRequest(limit: query.limit, cursor: query.cursor, newestFirst: query.newestFirst),
                                     deadline: context.deadline)
        }
        return try coder.success(200, ConversationDetail(
            summary: WireMapping.summary(conversation), messages: messages.items.map(WireMapping.message), nextCursor: messages.nextCursor,
            draftOutcome: conversation.draftOutcome, outcome: conversation.outcome
        ))
    }

    /// `GET /api/v1/conversations?status=&topic=&limit=&cursor=`.
    func listConversations(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let query = try context.listQuery()
        let page = try perform { () throws(CoachingError) in
            try service.conversations(caller, filter: ConversationFilter(statuses: query.statuses, topic: query.topic),
                                      page: PageRequest(limit: query.limit, cursor: query.cursor), deadline: context.deadline)
        }
        return try coder.success(200, ListPage(items: page.items.map(WireMapping.summary), nextCursor: page.nextCursor))
    }

    func pause(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let id = try context.pathID("id", as: "conversation_id")
        let body = try context.body(PauseConversationRequest.self)
        let conversation = try perform { () throws(CoachingError) in
            try service.pause(caller, conversationID: id, reason: body.reason, deadline: context.deadline)
        }
        return try coder.success(200, WireMapping.state(conversation))
    }

    func resume(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let id = try context.pathID("id", as: "conversation_id")
        _ = try context.body(ResumeConversationRequest.self)
        let conversation = try perform { () throws(CoachingError) in
            try service.resume(caller, conversationID: id, deadline: context.deadline)
        }
        return try coder.success(200, WireMapping.state(conversation))
    }

    func complete(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let id = try context.pathID("id", as: "conversation_id")
        let body = try context.body(CompleteConversationRequest.self)
        let conversation = try perform { () throws(CoachingError) in
            try service.complete(caller, conversationID: id, feedback: body.feedback, rating: body.rating, outcome: body.outcome, deadline: context.deadline)
        }
        return try coder.success(200, WireMapping.state(conversation))
    }

    /// `PUT /api/v1/conversations/{id}/outcome`: the owner's wording of the outcome.
    /// Before completion it becomes the draft; after, it revises the confirmed outcome.
    func reviseOutcome(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let id = try context.pathID("id", as: "conversation_id")
        let body = try context.body(CoachingOutcome.self)
        let conversation = try perform { () throws(CoachingError) in
            try service.reviseOutcome(caller, conversationID: id, outcome: body, deadline: context.deadline)
        }
        return try coder.success(200, WireMapping.state(conversation))
    }

    /// `DELETE /api/v1/conversations/{id}`: soft delete (status `abandoned`).
    func abandon(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let id = try context.pathID("id", as: "conversation_id")
        let conversation = try perform { () throws(CoachingError) in
            try service.abandon(caller, conversationID: id, deadline: context.deadline)
        }
        return try coder.success(200, WireMapping.state(conversation))
    }
}
