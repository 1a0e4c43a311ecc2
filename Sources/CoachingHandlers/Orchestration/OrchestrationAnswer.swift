import CoachingContracts
import FoundationEssentials
import LambdaRuntime

/// Turns how an execution ended into the HTTP answer: the service's envelope with the
/// real status, no ARNs, nothing of the execution input echoed.
struct OrchestrationAnswer {
    let coder: ResponseCoder

    /// The `Fail` states whose `cause` is an envelope meant for the caller.
    static let causeCarryingErrors: Set<String> = ["Unauthorized", "ValidationFailed"]

    static let failed = APIError(status: 500, code: "ORCHESTRATION_FAILED", message: "The orchestrated coaching request failed.")
    static let timedOut = APIError(status: 504, code: "ORCHESTRATION_TIMEOUT", message: "The orchestrated coaching request timed out.")

    func response(for result: OrchestrationResult, requestID: String, logger: Logger) throws -> APIResponse {
        switch result {
        case .succeeded(let output):
            guard let envelope = try? JSONDecoder().decode(OrchestrationOutput.self, from: output) else {
                logger.error("orchestration output is not the documented envelope")
                return coder.failure(Self.failed, requestID: requestID)
            }
            if envelope.success, envelope.statusCode == 200, let data = envelope.data {
                return .json(200, body: try coder.encode(OrchestratedSuccess(data: data, orchestration: envelope.orchestration)))
            }
            return coder.failure(Self.error(status: envelope.statusCode, code: envelope.errorCode, message: envelope.error), requestID: requestID)
        case .failed(let error, let cause):
            if let error, Self.causeCarryingErrors.contains(error), let cause,
               let envelope = try? JSONDecoder().decode(OrchestrationFailureCause.self, from: Data(cause.utf8)) {
                var apiError = Self.error(status: envelope.statusCode, code: envelope.errorCode, message: envelope.error)
                apiError.details = envelope.details
                return coder.failure(apiError, requestID: requestID)
            }
            logger.error("orchestration execution failed", ["error": .string(error ?? "none")])
            return coder.failure(Self.failed, requestID: requestID)
        case .timedOut:
            logger.error("orchestration execution timed out")
            return coder.failure(Self.timedOut, requestID: requestID)
        }
    }

    func response(for error: OrchestratorError, requestID: String, logger: Logger) -> APIResponse {
        switch error {
        case .throttled:
            logger.warn("orchestration throttled")
            return coder.failure(.unavailable(code: "ORCHESTRATION_THROTTLED", message: "Too many coaching requests right now; retry shortly."),
                                 requestID: requestID)
        case .deadlineExceeded:
            logger.error("orchestration not answered within the deadline")
            return coder.failure(Self.timedOut, requestID: requestID)
        case .unavailable(let code):
            logger.error("orchestration could not be started", ["error": .string(code)])
            return coder.failure(.unavailable(code: "ORCHESTRATION_UNAVAILABLE", message: "The coaching orchestrator is unavailable; retry later."),
                                 requestID: requestID)
        }
    }

    /// An error the machine reported: its status when it is one (4xx/5xx), else 500.
    static func error(status: Int, code: String?, message: String?) -> APIError {
        guard (400...599).contains(status), let code, !code.isEmpty, let message, !message.isEmpty else { return failed }
        var error = APIError(status: status, code: code, message: message)
        if status == 503 { error.headers["retry-after"] = "1" }
        return error
    }
}
