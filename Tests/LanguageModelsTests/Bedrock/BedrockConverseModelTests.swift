import AWSCore
import Coaching
import Essentials
import Foundation
import LanguageModels
import Testing
import TestSupport

/// The Converse client against a fake Bedrock on loopback that recomputes
/// every SigV4 signature and checks the request shape.
@Suite("Bedrock Converse model")
struct BedrockConverseModelTests {
    let expectation = FakeBedrock.Expectation(modelID: Samples.bedrockModelID, maxTokens: 512, temperature: 0.4)

    /// A started fake with `script`, and the model pointed at it.
    func harness(_ script: [ScriptedModelServer.Reply], modelID: String = Samples.bedrockModelID, time: VirtualTime? = VirtualTime(),
                 timeoutMilliseconds: Int64 = 30_000) throws -> (ScriptedModelServer, BedrockConverseModel) {
        var expectation = expectation
        expectation.modelID = modelID
        let server = FakeBedrock.server(expecting: expectation, script: script)
        let model = try FakeBedrock.model(url: try server.start(), modelID: modelID, timeoutMilliseconds: timeoutMilliseconds, time: time)
        return (server, model)
    }

    @Test("a signed, well-formed Converse call: text blocks joined, usage and stop reason read")
    func success() throws {
        let (server, model) = try harness([FakeBedrock.converse(["What would your ", "grandchildren say?"], inputTokens: 900, outputTokens: 21)])
        let response = try model.complete(Samples.request, deadline: .none)

        #expect(server.problems == [])
        #expect(server.attempts == 1)
        #expect(response.text == "What would your grandchildren say?")
        #expect(response.stopReason == .endTurn)
        #expect(response.usage == ModelUsage(inputTokens: 900, outputTokens: 21))
        #expect(response.modelID == Samples.bedrockModelID)

        let sent = try #require(server.received.first).request
        let body = try #require(JSONValue.parse(sent.body))
        #expect(body["system"] == .array([.object(["text": .string(Samples.system)])]), "system travels apart from the turns")
        let messages = try #require(body["messages"]?.array)
        #expect(messages.compactMap { $0["role"]?.string } == ["user", "assistant", "user"])
        #expect(messages.last?["content"] == .array([.object(["text": .string(Samples.request.messages[2].text)])]))
        #expect(body["inferenceConfig"] == .object(["maxTokens": .number(512), "temperature": .number(0.4)]))
    }

    @Test("model ids with ':' and '/' are encoded once in the path and decode back", arguments: [
        "global.anthropic.claude-sonnet-4-6",
        "us.anthropic.claude-haiku-4-5-20251001-v1:0",
        "arn:aws:bedrock:eu-central-1:123456789012:inference-profile/eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
    ])
    func modelIDsInPath(modelID: String) throws {
        let (server, model) = try harness([FakeBedrock.converse(["ok"])], modelID: modelID)
        let response = try model.complete(Samples.request, deadline: .none)
        #expect(server.problems == [])
        #expect(response.modelID == modelID)
        let path = try #require(server.received.first).request.path
        #expect(!path.dropFirst("/model/".count).dropLast("/converse".count).contains(":"))
    }

    @Test("stop reasons", arguments: [
        ("max_tokens", StopReason.maxTokens),
        ("stop_sequence", .stopSequence),
        ("guardrail_intervened", .guardrailIntervened),
        ("content_filtered", .contentFiltered),
        ("tool_use", .other("tool_use")),
    ])
    func stopReasons(wire: String, expected: StopReason) throws {
        let (server, model) = try harness([FakeBedrock.converse(["Sorry, I can't discuss that."], stopReason: wire)])
        let response = try model.complete(Samples.request, deadline: .none)
        #expect(response.stopReason == expected)
        #expect(server.attempts == 1)
    }

    @Test("an empty system prompt is left out, optional inference settings are sent when set")
    func optionalFields() throws {
        var request = Samples.request
        request.system = "  "
        request.topP = 0.9
        request.stopSequences = ["</reply>"]
        let (server, model) = try harness([FakeBedrock.converse(["ok"])])
        _ = try model.complete(request, deadline: .none)
        #expect(server.problems == [])
        let sent = try #require(server.received.first).request
        let body = try #require(JSONValue.parse(sent.body))
        #expect(body["system"] == nil)
        #expect(body["inferenceConfig"]?["topP"] == .number(0.9))
        #expect(body["inferenceConfig"]?["stopSequences"] == .array([.string("</reply>")]))
    }

    @Test("throttled twice, then answered: three signed attempts, backoff on the injected clock counted in latency")
    func throttledThenSuccess() throws {
        let time = VirtualTime()
        let throttled = FakeBedrock.error(status: 429, type: "ThrottlingException", message: "Too many requests, please wait before trying again.")
        let (server, model) = try harness([throttled, throttled, FakeBedrock.converse(["Back again."])], time: time)
        let response = try model.complete(Samples.request, deadline: .none)
        #expect(server.attempts == 3)
        #expect(server.problems == [], "every retry is signed afresh")
        #expect(time.sleeps == [500, 1_000], "throttling base 1 s, full jitter at 0.5")
        #expect(response.latencyMilliseconds == 1_500)
        #expect(response.text == "Back again.")
    }

    @Test("errors map to ModelError; retryable ones are retried up to 3 attempts, others never", arguments: [
        (400, "ValidationException", ModelError.rejected("ValidationException (HTTP 400) [request id req-ValidationException]"), 1),
        (403, "AccessDeniedException", .accessDenied("AccessDeniedException (HTTP 403) [request id req-AccessDeniedException]"), 1),
        (404, "ResourceNotFoundException", .notFound("ResourceNotFoundException (HTTP 404) [request id req-ResourceNotFoundException]"), 1),
        (400, "ServiceQuotaExceededException", .throttled, 1),
        (424, "ModelErrorException", .unavailable("ModelErrorException (HTTP 424) [request id req-ModelErrorException]"), 1),
        (408, "ModelTimeoutException", .timedOut, 3),
        (429, "ThrottlingException", .throttled, 3),
        (429, "ModelNotReadyException", .unavailable("ModelNotReadyException (HTTP 429) [request id req-ModelNotReadyException]"), 3),
        (500, "InternalServerException", .unavailable("InternalServerException (HTTP 500) [request id req-InternalServerException]"), 3),
        (503, "ServiceUnavailableException", .unavailable("ServiceUnavailableException (HTTP 503) [request id req-ServiceUnavailableException]"), 3),
    ])
    func errorMapping(status: Int, type: String, expected: ModelError, attempts: Int) throws {
        let reply = FakeBedrock.error(status: status, type: type)
        let (server, model) = try harness(Array(repeating: reply, count: 3))
        #expect(throws: expected) { try model.complete(Samples.request, deadline: .none) }
        #expect(server.attempts == attempts)
        #expect(server.problems == [])
    }

    @Test("ModelTimeoutException once, then an answer: retried as transient")
    func modelTimeoutThenSuccess() throws {
        let time = VirtualTime()
        let (server, model) = try harness([FakeBedrock.error(status: 408, type: "ModelTimeoutException"), FakeBedrock.converse(["Done."])], time: time)
        #expect(try model.complete(Samples.request, deadline: .none).text == "Done.")
        #expect(server.attempts == 2)
        #expect(time.sleeps == [25], "transient base 50 ms at 0.5")
    }

    @Test("a ValidationException that quotes the prompt does not leak it into the error")
    func validationMessageNotEchoed() throws {
        let quoted = FakeBedrock.error(status: 400, type: "ValidationException", message: "Malformed input: We sell handmade furniture")
        let (server, model) = try harness([quoted])
        do {
            _ = try model.complete(Samples.request, deadline: .none)
            Issue.record("expected a rejection")
        } catch {
            #expect(error.code == "ModelRejected")
            #expect(!error.description.contains("furniture"))
            #expect(!error.description.contains(FakeBedrock.credentials.secretAccessKey))
        }
        #expect(server.attempts == 1)
    }

    @Test("undecodable answers are malformed responses, not retried", arguments: [
        ("{not json", "Converse response: not valid JSON"),
        (#"{"stopReason":"end_turn"}"#, "Converse response: missing output"),
        (#"{"output":{"message":{"content":[{"text":"hi"}]}}}"#, "Converse response: missing stopReason"),
        (#"{"output":{"message":{"content":"hi"}},"stopReason":"end_turn"}"#, "Converse response: unexpected type at output.message.content"),
    ])
    func garbage(body: String, detail: String) throws {
        let (server, model) = try harness([ScriptedModelServer.Reply(status: 200, headers: [("Content-Type", "application/json")], body: body)])
        #expect(throws: ModelError.malformedResponse(detail)) { try model.complete(Samples.request, deadline: .none) }
        #expect(server.attempts == 1)
    }

    @Test("missing usage counts as zero tokens")
    func missingUsage() throws {
        let body = #"{"output":{"message":{"role":"assistant","content":[{"text":"Hi."}]}},"stopReason":"end_turn"}"#
        let (_, model) = try harness([ScriptedModelServer.Reply(status: 200, headers: [], body: body)])
        #expect(try model.complete(Samples.request, deadline: .none).usage == .zero)
    }

    @Test("a slow answer past the deadline: timed out at the deadline, not when the server answers")
    func slowPastDeadline() throws {
        let (server, model) = try harness([FakeBedrock.converse(["too late"]).delayed(by: 3_000)], time: nil)
        let started = ContinuousClock.now
        #expect(throws: ModelError.timedOut) {
            try model.complete(Samples.request, deadline: .after(milliseconds: 400))
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(350))
        #expect(elapsed < .milliseconds(1_200), "returned \(elapsed) after the call, the deadline was 400 ms")
        #expect(server.attempts == 1, "no retry once the deadline has passed")
    }

    @Test("LLM_TIMEOUT_MS bounds a call even without a deadline")
    func ownTimeout() throws {
        let slow = FakeBedrock.converse(["too late"]).delayed(by: 3_000)
        let (server, model) = try harness([slow, slow, slow], time: nil, timeoutMilliseconds: 300)
        let started = ContinuousClock.now
        #expect(throws: ModelError.timedOut) { try model.complete(Samples.request, deadline: .none) }
        #expect(ContinuousClock.now - started < .milliseconds(1_000))
        #expect(server.attempts == 1, "the limit covers the whole call, retries included")
    }

    @Test("the fake rejects a request signed with the wrong secret: the check can fail")
    func wrongSecretRejected() throws {
        let server = FakeBedrock.server(expecting: expectation, script: [FakeBedrock.converse(["never"])])
        let model = try FakeBedrock.model(url: try server.start(), modelID: Samples.bedrockModelID, time: VirtualTime(), secret: "not-the-secret-at-all")
        #expect(throws: ModelError.accessDenied("InvalidSignatureException (HTTP 403) [request id req-InvalidSignatureException]")) {
            try model.complete(Samples.request, deadline: .none)
        }
        #expect(server.problems == ["auth: signature mismatch"])
    }

    @Test("a malformed turn order is refused before anything is sent")
    func invalidRequestNotSent() throws {
        var request = Samples.request
        request.messages.removeFirst()
        let (server, model) = try harness([FakeBedrock.converse(["never"])])
        #expect(throws: ModelError.rejected("the first message must come from the user")) { try model.complete(request, deadline: .none) }
        #expect(server.attempts == 0)
    }

    @Test("an unreachable endpoint is unavailable")
    func unreachable() throws {
        let server = FakeBedrock.server(expecting: expectation, script: [])
        let url = try server.start()
        server.stop()
        let model = try FakeBedrock.model(url: url, modelID: Samples.bedrockModelID, time: VirtualTime())
        do {
            _ = try model.complete(Samples.request, deadline: .none)
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == "ModelUnavailable")
        }
    }
    @Test("a deadline already past: timed out without any attempt")
    func deadlinePassed() throws {
        let time = VirtualTime()
        let (server, model) = try harness([FakeBedrock.converse(["never"])], time: time)
        #expect(throws: ModelError.timedOut) {
            try model.complete(Samples.request, deadline: Deadline(epochMilliseconds: time.nowEpochMilliseconds() - 1))
        }
        #expect(server.attempts == 0)
    }

    @Test("no credentials: access denied, nothing sent")
    func missingCredentials() throws {
        let server = FakeBedrock.server(expecting: expectation, script: [FakeBedrock.converse(["never"])])
        let model = BedrockConverseModel(
            modelID: Samples.bedrockModelID, region: FakeBedrock.region, endpoint: try AWSEndpoint(url: try server.start()),
            credentialsProvider: EnvironmentCredentialsProvider(environment: [:])
        )
        #expect(throws: ModelError.accessDenied("AWS credentials are missing")) { try model.complete(Samples.request, deadline: .none) }
        #expect(server.attempts == 0)
    }
}
