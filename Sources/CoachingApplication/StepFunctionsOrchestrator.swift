import AWSCore
import CoachingHandlers
import Essentials
import FoundationEssentials

/// Runs the coaching orchestrator with Step Functions `StartSyncExecution` (Express,
/// synchronous) over the shared signed client: JSON 1.0, `X-Amz-Target:
/// AWSStepFunctions.StartSyncExecution`, signed for `states`, sent to
/// `sync-states.{region}.amazonaws.com` (or `AWS_ENDPOINT_URL_SFN`).
///
/// One attempt only: once the request may have reached Step Functions an execution may
/// be running, and a second one would coach the same message twice.
struct StepFunctionsOrchestrator: Orchestrator {
    static let service = AWSServiceDescription(
        signingName: "states", endpointIdentifier: "SFN", hostPrefix: "sync-states", retry: .none,
        timeouts: TimeoutConfiguration(connectMilliseconds: 2_000, requestMilliseconds: 29_000)
    )
    static let target = "AWSStepFunctions.StartSyncExecution"

    let client: AWSClient
    let stateMachineARN: String

    struct Request: Encodable {
        var stateMachineARN: String
        var name: String
        /// The execution input: a JSON document carried as a string, as the API defines it.
        var input: String

        enum CodingKeys: String, CodingKey {
            case stateMachineARN = "stateMachineArn"
            case name, input
        }
    }

    struct Response: Decodable {
        var status: String
        var output: String?
        var error: String?
        var cause: String?
    }

    /// A client for the state machine `arn`, in the ARN's own region.
    static func make(stateMachineARN arn: String, environment: Environment) throws(ConfigurationError) -> StepFunctionsOrchestrator {
        var environment = environment
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count > 3, !parts[3].isEmpty { environment.values["AWS_REGION"] = String(parts[3]) }
        do {
            return StepFunctionsOrchestrator(client: try AWSClient.fromEnvironment(service: service, environment: environment), stateMachineARN: arn)
        } catch {
            throw ConfigurationError(variable: "COACHING_ORCHESTRATOR_ARN", reason: "the Step Functions client cannot be configured (\(error.code))")
        }
    }

    func run(name: String, input: Data, deadline: Deadline) throws(OrchestratorError) -> OrchestrationResult {
        let response: AWSResponse
        do {
            let body = try JSONEncoder().encode(Request(stateMachineARN: stateMachineARN, name: name, input: String(decoding: input, as: UTF8.self)))
            response = try client.send(AWSRequest(
                operation: "StartSyncExecution",
                headers: ["Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": Self.target],
                body: body
            ), deadline: deadline)
        } catch let error as AWSError {
            throw Self.failure(error)
        } catch {
            throw .unavailable(code: "EncodingFailed")
        }
        guard let answer = try? JSONDecoder().decode(Response.self, from: response.body) else {
            throw .unavailable(code: "InvalidResponse")
        }
        switch answer.status {
        case "SUCCEEDED": return .succeeded(output: Data((answer.output ?? "").utf8))
        case "TIMED_OUT": return .timedOut
        default: return .failed(error: answer.error, cause: answer.cause)
        }
    }

    static func failure(_ error: AWSError) -> OrchestratorError {
        switch error {
        case .service(let service) where StandardRetryClassifier.throttlingCodes.contains(service.code): .throttled
        case .deadlineExceeded, .transport(.timedOut): .deadlineExceeded
        default: .unavailable(code: error.code)
        }
    }
}
