import AWSCore
@testable import CoachingApplication
import CoachingHandlers
import CurlHTTP
import Essentials
import Foundation
import Testing

/// Answers every request with one canned response and keeps the requests.
final class CannedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [HTTPRequest] = []
    private let status: Int
    private let body: String

    init(status: Int = 200, body: String) {
        self.status = status
        self.body = body
    }

    func perform(_ request: HTTPRequest) throws(HTTPClientError) -> HTTPResponse {
        lock.withLock { requests.append(request) }
        return HTTPResponse(status: status, headers: ["content-type": "application/x-amz-json-1.0"], body: Data(body.utf8))
    }

    var sent: [HTTPRequest] { lock.withLock { requests } }
}

@Suite("StartSyncExecution through our AWS client")
struct StepFunctionsOrchestratorTests {
    static let arn = "arn:aws:states:eu-west-1:123456789012:stateMachine:stack-coaching-orchestrator"

    func orchestrator(_ transport: CannedTransport) throws -> StepFunctionsOrchestrator {
        let client = AWSClient(
            service: StepFunctionsOrchestrator.service, region: "eu-west-1",
            endpoint: try AWSEndpoint.resolve(for: StepFunctionsOrchestrator.service, region: "eu-west-1", environment: [:]),
            credentialsProvider: StaticCredentialsProvider(AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret")),
            dependencies: AWSClientDependencies(transport: transport)
        )
        return StepFunctionsOrchestrator(client: client, stateMachineARN: Self.arn)
    }

    @Test("JSON 1.0 to sync-states.{region}, X-Amz-Target AWSStepFunctions.StartSyncExecution, signed for states; input carried as a string")
    func requestShape() throws {
        let transport = CannedTransport(body: #"{"executionArn":"x","status":"SUCCEEDED","output":"{\"success\":true}"}"#)
        let input = Data(#"{"body":{"message":"a \"quoted\" text"},"identity":{"tenant_id":"t","user_id":"u"}}"#.utf8)
        let result = try orchestrator(transport).run(name: "req-1", input: input, deadline: .after(milliseconds: 5_000))
        #expect(result == .succeeded(output: Data(#"{"success":true}"#.utf8)))
        let request = try #require(transport.sent.first)
        #expect(transport.sent.count == 1)
        #expect(request.url == "https://sync-states.eu-west-1.amazonaws.com/")
        #expect(request.headers["X-Amz-Target"] == "AWSStepFunctions.StartSyncExecution")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.0")
        #expect(request.headers["Authorization"]?.contains("/eu-west-1/states/aws4_request") == true)
        struct Sent: Decodable { var stateMachineArn: String; var name: String; var input: String }
        let sent = try JSONDecoder().decode(Sent.self, from: try #require(request.body))
        #expect(sent.stateMachineArn == Self.arn && sent.name == "req-1")
        #expect(sent.input == String(decoding: input, as: UTF8.self))
    }

    @Test("FAILED and TIMED_OUT are results; throttling and other errors are typed; nothing is retried")
    func outcomes() throws {
        let failed = CannedTransport(body: #"{"status":"FAILED","error":"States.Runtime","cause":"x"}"#)
        #expect(try orchestrator(failed).run(name: "n", input: Data("{}".utf8), deadline: .none) == .failed(error: "States.Runtime", cause: "x"))
        let timedOut = CannedTransport(body: #"{"status":"TIMED_OUT"}"#)
        #expect(try orchestrator(timedOut).run(name: "n", input: Data("{}".utf8), deadline: .none) == .timedOut)
        let throttled = CannedTransport(status: 400, body: #"{"__type":"ThrottlingException","message":"slow down"}"#)
        #expect(throws: OrchestratorError.throttled) { try orchestrator(throttled).run(name: "n", input: Data("{}".utf8), deadline: .none) }
        #expect(throttled.sent.count == 1)
        let missing = CannedTransport(status: 400, body: #"{"__type":"StateMachineDoesNotExist","message":"no"}"#)
        #expect(throws: OrchestratorError.unavailable(code: "StateMachineDoesNotExist")) {
            try orchestrator(missing).run(name: "n", input: Data("{}".utf8), deadline: .none)
        }
        let garbage = CannedTransport(body: "<html>")
        #expect(throws: OrchestratorError.unavailable(code: "InvalidResponse")) { try orchestrator(garbage).run(name: "n", input: Data("{}".utf8), deadline: .none) }
    }

    @Test("COACHING_ORCHESTRATOR_ARN must be a state machine ARN")
    func configuration() throws {
        let configured = try ServiceConfiguration(environment: ["COACHING_ORCHESTRATOR_ARN": Self.arn])
        #expect(configured.orchestratorARN == Self.arn)
        for bad in ["arn:aws:states:eu-west-1:123456789012:activity:x", "arn:aws:lambda:eu-west-1:123456789012:function:x",
                    "arn:aws:states:eu-west-1:12345:stateMachine:x", "arn:aws:states:eu-west-1:123456789012:stateMachine:a b"] {
            #expect(throws: ConfigurationError.self) { try ServiceConfiguration(environment: ["COACHING_ORCHESTRATOR_ARN": bad]) }
        }
    }
}
