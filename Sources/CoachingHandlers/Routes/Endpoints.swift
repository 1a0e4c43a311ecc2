import AWSCore
import Coaching
import CoachingContracts
import LambdaRuntime

/// The route handlers, with what they share: dependencies and the encoder.
struct Endpoints: Sendable {
    let dependencies: HandlerDependencies
    let coder: ResponseCoder
    let configuration: HandlerConfiguration
    let readiness = ReadinessCache()

    var service: CoachingService { dependencies.service }

    func register(on router: inout Router) {
        let endpoints = self
        router.add("GET", "/api/v1/health") { try endpoints.health($0) }
        router.add("GET", "/api/v1/health/ready") { try endpoints.ready($0) }
        router.add("POST", "/api/v1/coaching/chat") { try endpoints.chat($0) }
        router.add("POST", "/api/v1/coaching/orchestrated") { try endpoints.orchestrated($0) }
        router.add("POST", "/api/v1/conversations/initiate") { try endpoints.initiate($0) }
        router.add("GET", "/api/v1/conversations") { try endpoints.listConversations($0) }
        router.add("GET", "/api/v1/conversations/{id}") { try endpoints.conversation($0) }
        router.add("DELETE", "/api/v1/conversations/{id}") { try endpoints.abandon($0) }
        router.add("POST", "/api/v1/conversations/{id}/message") { try endpoints.message($0) }
        router.add("POST", "/api/v1/conversations/{id}/pause") { try endpoints.pause($0) }
        router.add("POST", "/api/v1/conversations/{id}/resume") { try endpoints.resume($0) }
        router.add("POST", "/api/v1/conversations/{id}/complete") { try endpoints.complete($0) }
        router.add("PUT", "/api/v1/conversations/{id}/outcome") { try endpoints.reviseOutcome($0) }
        router.add("GET", "/api/v1/outcomes") { try endpoints.listOutcomes($0) }
        router.add("GET", "/api/v1/outcomes/{topic}") { try endpoints.outcome($0) }
        router.add("GET", "/api/v1/sessions") { try endpoints.listSessions($0) }
        router.add("GET", "/api/v1/sessions/{id}") { try endpoints.session($0) }
    }

    /// Runs a domain operation, mapping its failure to an HTTP error.
    func perform<Result>(_ body: () throws(CoachingError) -> Result) throws(APIError) -> Result {
        do {
            return try body()
        } catch {
            throw APIError(error)
        }
    }

    /// Logs and records the measurements of one coaching turn (never its text).
    func record(_ outcome: TurnOutcome, source: RequestSource, context: RouteContext) {
        let reply = outcome.assistantMessage.reply
        context.logger.info("coaching turn", [
            "conversationId": .string(outcome.conversation.conversationID),
            "tenantId": .string(outcome.conversation.tenantID),
            "phase": .string(outcome.conversation.phase.rawValue),
            "model": .string(reply?.model ?? "unknown"),
            "fallback": .bool(reply?.fallback ?? false),
            "truncated": .bool(reply?.truncated ?? false),
            "replayed": .bool(outcome.replayed),
            "source": .string(source.rawValue),
            "inputTokens": .int(reply?.usage.inputTokens ?? 0),
            "outputTokens": .int(reply?.usage.outputTokens ?? 0),
        ])
        if let reason = outcome.reply?.fallbackReason {
            context.logger.warn("model failed; the offline coach answered", ["reason": .string(reason)])
        }
        dependencies.emitTurnMetrics(outcome, properties: context.request.metricIDs)
    }
}
