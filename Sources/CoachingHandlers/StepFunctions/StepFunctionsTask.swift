import AWSCore
import Coaching
import CoachingContracts
import Essentials
import FoundationEssentials
import LambdaRuntime

/// Pattern B: the state machine invokes the function directly with a
/// ``StepFunctionsTaskPayload``; the answer is a plain ``CoachingResponse``
/// object, failures are ``TaskError``s.
///
/// The user and tenant in the payload are the caller the orchestrated route
/// verified (the execution input's identity, copied by the state machine);
/// only principals allowed to invoke the function can send one.
struct StepFunctionsTask: Sendable {
    let dependencies: HandlerDependencies
    let coder: ResponseCoder

    /// Throws ``TaskError``; encoding the answer cannot fail for these types,
    /// and if it ever did the runtime would report it as unhandled.
    func handle(_ event: Data, deadline: Deadline, logger: Logger, invocationID: String) throws -> Data {
        // A turn's own figures, as HTTP turns have them: its DynamoDB calls, whatever the outcome.
        let ids: [(String, LogValue)] = [("requestId", .string(invocationID))]
        defer { dependencies.emitStoreCallMetrics(properties: ids) }
        let payload: StepFunctionsTaskPayload
        do {
            payload = try StepFunctionsTaskPayload.validate(json: event)
        } catch {
            throw TaskError.validationFailed(TaskError.describe(error.issues))
        }
        let caller = CallerIdentity(userID: payload.userID, tenantID: payload.tenantID)
        // The fallback path coaches without context whatever arrives.
        let context = payload.source == .orchestratedFallback ? nil : payload.businessContext
        if let context {
            do {
                try context.checkBelongs(to: caller, at: ["business_context"])
            } catch {
                throw TaskError.validationFailed(TaskError.describe(error.details ?? []))
            }
        }
        let outcome: TurnOutcome
        do {
            outcome = try dependencies.service.takeTurn(caller, TurnRequest(
                conversationID: payload.conversationID, sessionID: payload.sessionID, topic: payload.topic,
                message: payload.message, businessContext: context, idempotencyKey: payload.idempotencyKey
            ), deadline: deadline)
        } catch {
            if let cause = error.cause {
                logger.warn("orchestrated coaching turn failed", ["error": .string(String(describing: TaskError(error).errorType)), "cause": .string(cause.description)])
            }
            throw TaskError(error)
        }
        let reply = outcome.assistantMessage.reply
        logger.info("orchestrated coaching turn", [
            "conversationId": .string(outcome.conversation.conversationID), "tenantId": .string(caller.tenantID),
            "source": .string(payload.source.rawValue), "fallback": .bool(reply?.fallback ?? false),
            "truncated": .bool(reply?.truncated ?? false),
            "replayed": .bool(outcome.replayed), "contextFallbackReason": .string(payload.errorInfo?.error ?? "none"),
        ])
        dependencies.emitTurnMetrics(outcome, properties: ids)
        let response = WireMapping.coachingResponse(outcome, source: payload.source, dataScope: payload.dataScope ?? context?.dataScope)
        return try coder.encode(response)
    }
}
