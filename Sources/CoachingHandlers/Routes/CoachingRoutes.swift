import Coaching
import CoachingContracts

extension Endpoints {
    /// `POST /api/v1/coaching/chat`: Pattern A. Starts a conversation when
    /// `conversation_id` is absent; idempotent with `Idempotency-Key`. The
    /// body's `source` is not trusted: requests over HTTP are `direct`.
    func chat(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let key = try context.idempotencyKey()
        let body = try context.body(CoachingRequest.self)
        try body.businessContext?.checkBelongs(to: caller, at: ["body", "business_context"])
        let digest = key == nil ? nil : try context.requestDigest(of: body, coder: coder)
        let outcome = try perform { () throws(CoachingError) in
            try service.takeTurn(caller, TurnRequest(
                conversationID: body.conversationID, sessionID: body.sessionID, topic: body.topic, message: body.message,
                businessContext: body.businessContext, idempotencyKey: key, requestDigest: digest
            ), deadline: context.deadline)
        }
        record(outcome, source: .direct, context: context)
        let response = WireMapping.coachingResponse(outcome, source: .direct, dataScope: body.businessContext?.dataScope)
        return try coder.success(200, response,
                                 headers: outcome.replayed ? ["idempotent-replayed": "true"] : [:])
    }
}
