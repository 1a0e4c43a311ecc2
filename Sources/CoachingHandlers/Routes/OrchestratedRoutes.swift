import Coaching
import CoachingContracts
import FoundationEssentials

extension Endpoints {
    static let orchestrationNotConfigured = APIError.unavailable(
        code: "ORCHESTRATION_NOT_CONFIGURED", message: "Orchestrated coaching is not configured on this deployment."
    )

    /// `POST /api/v1/coaching/orchestrated`: Pattern B. Runs the Express state machine
    /// (business context from the .NET API, coaching with it or without it) and answers
    /// with its outcome. The execution input is encoded from the verified caller and the
    /// validated body, as JSON values: nothing the client sends can become identity.
    func orchestrated(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let body = try context.body(CoachingRequest.self)
        guard let orchestrator = dependencies.orchestrator else { throw Self.orchestrationNotConfigured }
        let input = try coder.encode(OrchestrationInput(request: body, caller: caller))
        let requestID = context.request.requestID
        let answer = OrchestrationAnswer(coder: coder)
        let result: OrchestrationResult
        do {
            result = try orchestrator.run(name: OrchestrationInput.executionName(requestID: requestID), input: input, deadline: context.deadline)
        } catch {
            return answer.response(for: error, requestID: requestID, logger: context.logger)
        }
        return try answer.response(for: result, requestID: requestID, logger: context.logger)
    }
}
