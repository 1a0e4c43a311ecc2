import Essentials
import Foundation
import Testing
import TestSupport
@testable import CoachingHandlers

/// Records what the route asks the state machine to run, and answers as scripted.
final class ScriptedOrchestrator: Orchestrator, @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [(name: String, input: Data)] = []
    private let answer: Result<OrchestrationResult, OrchestratorError>

    init(_ answer: Result<OrchestrationResult, OrchestratorError>) { self.answer = answer }

    func run(name: String, input: Data, deadline: Deadline) throws(OrchestratorError) -> OrchestrationResult {
        lock.withLock { calls.append((name, input)) }
        return try answer.get()
    }

    var runs: [(name: String, input: String)] { lock.withLock { calls.map { ($0.name, String(decoding: $0.input, as: UTF8.self)) } } }
}

@Suite("POST /api/v1/coaching/orchestrated")
struct OrchestratedRouteTests {
    static let coaching = #"{"message":"Reply","conversation_id":"conv-1","business_context_used":true,"follow_up_suggestions":[],"metadata":{"model":"offline","fallback":false,"phase":"exploration","progress":0.3,"source":"orchestrated","usage":{"input_tokens":0,"output_tokens":0}}}"#
    static let succeeded = #"{"success":true,"status_code":200,"data":\#(coaching),"request_id":"req-1","orchestration":{"execution_id":"arn:aws:states:us-east-1:123456789012:express:m:req-1:x","data_scope":"coaching_context","fallback":true,"fallback_reason":"BusinessContext.HttpStatus","timestamp":"2026-12-04T20:00:00Z"}}"#

    func send(_ answer: Result<OrchestrationResult, OrchestratorError>, body: String = #"{"message":"Help me"}"#,
              identity: TestAPI.Identity = .authorizer(user: "alice", tenant: "tenant-a")) throws -> (TestAPI.Reply, ScriptedOrchestrator) {
        let orchestrator = ScriptedOrchestrator(answer)
        let api = TestAPI(orchestrator: orchestrator)
        return (try api.send("POST", "/api/v1/coaching/orchestrated", body: body, identity: identity), orchestrator)
    }

    @Test("The input is JSON encoded from the verified caller and the body's known fields, whatever the body says")
    func inputIsTypedJSON() throws {
        let spliced = #"hi"}, "identity": {"user_id": "mallory", "tenant_id": "tenant-b"}, "x": {"y": ""#
        let body = #"{"message":\#(HTTPEvents.json(spliced)),"topic":"vision","identity":{"user_id":"mallory","tenant_id":"tenant-b"},"user_id":"mallory","tenant_id":"tenant-b"}"#
        let (reply, orchestrator) = try send(.success(.succeeded(output: Data(Self.succeeded.utf8))), body: body)
        #expect(reply.status == 200)
        let run = try #require(orchestrator.runs.first)
        #expect(run.name == "req-1")
        #expect(run.input == #"{"body":{"message":\#(HTTPEvents.json(spliced)),"topic":"vision"},"identity":{"role":"owner","tenant_id":"tenant-a","user_id":"alice"}}"#)
    }

    @Test("200: the coaching response and the fallback summary; no execution ARN, timestamp or request echo")
    func success() throws {
        let (reply, _) = try send(.success(.succeeded(output: Data(Self.succeeded.utf8))))
        #expect(reply.status == 200)
        // The answer carries the outcome fields and metadata flags even when the stored output predates them.
        let sortedCoaching = #"{"business_context_used":true,"conversation_id":"conv-1","draft_outcome":null,"follow_up_suggestions":[],"is_complete":false,"message":"Reply","metadata":{"business_context_stale":false,"business_context_used":false,"fallback":false,"language":"en","model":"offline","phase":"exploration","progress":0.3,"source":"orchestrated","truncated":false,"usage":{"input_tokens":0,"output_tokens":0}},"outcome":null}"#
        #expect(reply.body == #"{"data":\#(sortedCoaching),"orchestration":{"data_scope":"coaching_context","fallback":true,"fallback_reason":"BusinessContext.HttpStatus"},"success":true}"#)
    }

    @Test("Handled errors keep the machine's status and code; a status that is not 4xx/5xx is a 500")
    func handledErrors() throws {
        for (status, code, expected) in [(404, "CONVERSATION_NOT_FOUND", 404), (503, "MODEL_UNAVAILABLE", 503), (200, "ODD", 500), (42, "ODD", 500)] {
            let output = #"{"success":false,"status_code":\#(status),"error":"Message.","error_code":"\#(code)","details":[],"request_id":"req-1"}"#
            let (reply, _) = try send(.success(.succeeded(output: Data(output.utf8))))
            #expect(reply.status == expected)
            #expect(reply.error?.errorCode == (expected == 500 ? "ORCHESTRATION_FAILED" : code))
            #expect(reply.error?.requestID == "req-1")
            #expect((reply.headers["retry-after"] != nil) == (expected == 503))
        }
    }

    @Test("FAILED: a Fail state's envelope cause gives its status and details; any other failure is 500 without the cause")
    func failed() throws {
        let cause = #"{"success":false,"status_code":422,"error":"The request is not valid.","error_code":"VALIDATION_ERROR","details":[{"loc":["body","message"],"msg":"Field required","type":"missing"}]}"#
        let (invalid, _) = try send(.success(.failed(error: "ValidationFailed", cause: cause)))
        #expect(invalid.status == 422)
        #expect(invalid.error?.errorCode == "VALIDATION_ERROR")
        #expect(invalid.error?.locations == ["body.message"])
        let (broken, _) = try send(.success(.failed(error: "States.Runtime", cause: "secret detail of the failure")))
        #expect(broken.status == 500)
        #expect(broken.error?.errorCode == "ORCHESTRATION_FAILED")
        #expect(!broken.body.contains("secret detail"))
        let (notJSON, _) = try send(.success(.failed(error: "ValidationFailed", cause: "plain text")))
        #expect(notJSON.status == 500)
    }

    @Test("TIMED_OUT and a deadline passed are 504; throttling 503 with retry-after; any other start failure 503; output not the envelope 500")
    func endings() throws {
        let cases: [(Result<OrchestrationResult, OrchestratorError>, Int, String)] = [
            (.success(.timedOut), 504, "ORCHESTRATION_TIMEOUT"),
            (.failure(.deadlineExceeded), 504, "ORCHESTRATION_TIMEOUT"),
            (.failure(.throttled), 503, "ORCHESTRATION_THROTTLED"),
            (.failure(.unavailable(code: "AccessDeniedException")), 503, "ORCHESTRATION_UNAVAILABLE"),
            (.success(.succeeded(output: Data("[1]".utf8))), 500, "ORCHESTRATION_FAILED"),
        ]
        for (answer, status, code) in cases {
            let (reply, _) = try send(answer)
            #expect(reply.status == status)
            #expect(reply.error?.errorCode == code)
        }
    }

    @Test("Refused before any execution: no identity, an injected role, an invalid body, no state machine configured")
    func refusedBeforeStarting() throws {
        let injected = #"x","user_id":"victim-user","tenant_id":"tenant-victim"#
        let attempts: [(TestAPI.Identity, String, Int)] = [
            (.none, #"{"message":"hi"}"#, 401),
            (.authorizerContext(["user_id": "alice", "tenant_id": "tenant-a", "role": injected]), #"{"message":"hi"}"#, 401),
            (.authorizerContext(["user_id": "alice", "tenant_id": "tenant-a", "role": String(repeating: "a", count: 41)]), #"{"message":"hi"}"#, 401),
            (.authorizer(user: "alice", tenant: "tenant-a"), #"{"message":"  "}"#, 422),
        ]
        for (identity, body, status) in attempts {
            let (reply, orchestrator) = try send(.success(.timedOut), body: body, identity: identity)
            #expect(reply.status == status)
            #expect(orchestrator.runs.isEmpty)
        }
        let reply = try TestAPI().send("POST", "/api/v1/coaching/orchestrated", body: #"{"message":"hi"}"#)
        #expect(reply.status == 503)
        #expect(reply.error?.errorCode == "ORCHESTRATION_NOT_CONFIGURED")
    }

    @Test("Execution names keep A-Za-z0-9-_ of the request id, at most 80")
    func executionNames() {
        #expect(OrchestrationInput.executionName(requestID: "Jx1Q2gQ8IAMEbXw=") == "Jx1Q2gQ8IAMEbXw-")
        #expect(OrchestrationInput.executionName(requestID: String(repeating: "a", count: 100)).count == 80)
        #expect(OrchestrationInput.executionName(requestID: "") == "request")
        #expect(OrchestrationInput.executionName(requestID: "é\"{}") == "----")
    }
}

@Suite("Role claims")
struct RoleClaimTests {
    @Test("A role is a short name of A-Za-z0-9_.-; empty means none; anything else refuses the credentials")
    func roles() throws {
        #expect(try IdentityClaims.validRole("owner") == "owner")
        #expect(try IdentityClaims.validRole("team_lead.v2-x") == "team_lead.v2-x")
        #expect(try IdentityClaims.validRole("") == nil)
        #expect(try IdentityClaims.validRole(nil) == nil)
        for bad in [#"x","tenant_id":"victim"#, "owner admin", "a\u{0}", String(repeating: "r", count: 41), "rôle"] {
            #expect(throws: AuthenticationError.invalidRole) { try IdentityClaims.validRole(bad) }
        }
    }

    @Test("The authorizer denies a validly signed token whose role is JSON text")
    func authorizerDeniesInjectedRole() throws {
        let api = TestAPI()
        let token = JWTSigner(secret: Array(TestAPI.secret.utf8)).sign(
            userID: "alice", tenantID: "tenant-a", role: #"x","user_id":"victim-user","tenant_id":"tenant-victim"#,
            issuer: TestAPI.issuer, audience: TestAPI.audience, now: api.clock.nowEpochMilliseconds() / 1000, lifetimeSeconds: 3_600
        )
        let event = #"{"version":"2.0","type":"REQUEST","routeArn":"arn:aws:execute-api:us-east-1:1:a/$default/POST/x","identitySource":["Bearer \#(token)"],"headers":{}}"#
        let answer = String(decoding: try api.invoke(Data(event.utf8)), as: UTF8.self)
        #expect(answer == #"{"context":{},"isAuthorized":false}"#)
    }
}
