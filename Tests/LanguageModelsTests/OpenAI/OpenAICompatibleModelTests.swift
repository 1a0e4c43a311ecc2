import AWSCore
import Coaching
import Foundation
import LanguageModels
import Testing
import TestSupport

/// The OpenAI-compatible client against a fake `/v1/chat/completions`
/// server on loopback that checks every request's shape and key.
@Suite("OpenAI-compatible model")
struct OpenAICompatibleModelTests {
    func harness(_ script: [ScriptedModelServer.Reply], expectation: FakeOpenAI.Expectation = FakeOpenAI.Expectation(),
                 basePath: String = "/v1", time: VirtualTime? = VirtualTime(), observer: (any AWSCallObserver)? = nil)
        throws -> (ScriptedModelServer, OpenAICompatibleModel) {
        let server = FakeOpenAI.server(expecting: expectation, script: script)
        let model = try FakeOpenAI.model(baseURL: try server.start() + basePath, expectation: expectation, time: time, observer: observer)
        return (server, model)
    }

    @Test("a chat completion with a key: bearer sent, system first, reply, usage and stop reason read")
    func successWithKey() throws {
        var expectation = FakeOpenAI.Expectation()
        expectation.apiKey = "sk-test-0123456789abcdef"
        let (server, model) = try harness([FakeOpenAI.completion("What lasts for generations?")], expectation: expectation)
        let response = try model.complete(Samples.request, deadline: .none)
        #expect(server.problems == [])
        #expect(server.attempts == 1)
        #expect(response.text == "What lasts for generations?")
        #expect(response.stopReason == .endTurn)
        #expect(response.usage == ModelUsage(inputTokens: 700, outputTokens: 42))
        #expect(response.modelID == "llama3.2:3b")
        let sent = try #require(server.received.first).request
        let body = try #require(JSONValue.parse(sent.body))
        #expect(body["messages"]?.array?.compactMap { $0["role"]?.string } == ["system", "user", "assistant", "user"])
        #expect(body["messages"]?.array?.last?["content"]?.string == Samples.request.messages[2].text)
        #expect(body["stop"] == nil)
    }

    @Test("no key configured: no Authorization header at all")
    func successWithoutKey() throws {
        let (server, model) = try harness([FakeOpenAI.completion("Hello")])
        _ = try model.complete(Samples.request, deadline: .none)
        #expect(server.problems == [])
        #expect(try #require(server.received.first).request.headers["Authorization"] == nil)
    }

    @Test("the fake notices a key sent when none is configured: the check can fail")
    func unexpectedKeyDetected() throws {
        let server = FakeOpenAI.server(expecting: FakeOpenAI.Expectation(), script: [FakeOpenAI.completion("never")])
        var keyed = FakeOpenAI.Expectation()
        keyed.apiKey = "sk-should-not-be-sent"
        let model = try FakeOpenAI.model(baseURL: try server.start(), expectation: keyed, time: VirtualTime())
        #expect(throws: ModelError.accessDenied("HTTP 401 invalid_request_error/invalid_api_key")) { try model.complete(Samples.request, deadline: .none) }
        #expect(server.problems == ["authorization: sent without a configured key"])
    }

    @Test("base URLs with or without /v1 and a trailing slash reach /v1/chat/completions", arguments: ["", "/", "/v1", "/v1/"])
    func baseURLForms(basePath: String) throws {
        let (server, model) = try harness([FakeOpenAI.completion("ok")], basePath: basePath)
        _ = try model.complete(Samples.request, deadline: .none)
        #expect(server.problems == [])
    }

    @Test("an empty system prompt sends no system message; stop sequences and top_p go through")
    func optionalFields() throws {
        var expectation = FakeOpenAI.Expectation()
        expectation.system = nil
        var request = Samples.request
        request.system = ""
        request.stopSequences = ["\n\nOwner:"]
        request.topP = 0.8
        let (server, model) = try harness([FakeOpenAI.completion("ok")], expectation: expectation)
        _ = try model.complete(request, deadline: .none)
        #expect(server.problems == [])
        let sent = try #require(server.received.first).request
        let body = try #require(JSONValue.parse(sent.body))
        #expect(body["stop"] == .array([.string("\n\nOwner:")]))
        #expect(body["top_p"] == .number(0.8))
    }

    @Test("finish reasons and refusals", arguments: [
        (FakeOpenAI.completion("cut", finishReason: "length"), StopReason.maxTokens),
        (FakeOpenAI.completion(nil, finishReason: "content_filter"), .contentFiltered),
        (FakeOpenAI.completion(nil, finishReason: "stop", extraMessageJSON: #","refusal":"I can't help with that.""#), .contentFiltered),
        (FakeOpenAI.completion("x", finishReason: "tool_calls"), .other("tool_calls")),
        (FakeOpenAI.completion("x", finishReason: nil), .endTurn),
    ])
    func finishReasons(reply: ScriptedModelServer.Reply, expected: StopReason) throws {
        let (_, model) = try harness([reply])
        #expect(try model.complete(Samples.request, deadline: .none).stopReason == expected)
    }

    @Test("missing usage counts as zero tokens")
    func missingUsage() throws {
        let (_, model) = try harness([FakeOpenAI.completion("Hi", usage: nil)])
        #expect(try model.complete(Samples.request, deadline: .none).usage == .zero)
    }

    @Test("429 then success: retried after jittered throttling backoff, reported to the observer")
    func throttledThenSuccess() throws {
        let time = VirtualTime()
        let recorder = AWSCallRecorder()
        let (server, model) = try harness(
            [FakeOpenAI.error(status: 429, type: "rate_limit_exceeded", code: nil), FakeOpenAI.completion("Again")],
            time: time, observer: recorder
        )
        let response = try model.complete(Samples.request, deadline: .none)
        #expect(response.text == "Again")
        #expect(server.attempts == 2)
        #expect(time.sleeps == [500])
        #expect(response.latencyMilliseconds == 500)
        #expect(recorder.recorded == [AWSCallStatistics(service: "openai", operation: "ChatCompletions", attempts: 2, throttles: 1,
                                                        backoffMilliseconds: 500, durationMilliseconds: 500, errorCode: nil)])
    }

    @Test("Retry-After is honoured")
    func retryAfterHonoured() throws {
        let time = VirtualTime()
        let throttled = FakeOpenAI.error(status: 429, type: "rate_limit_exceeded", code: nil, headers: [("Retry-After", "2")])
        let (server, model) = try harness([throttled, FakeOpenAI.completion("ok")], time: time)
        _ = try model.complete(Samples.request, deadline: .none)
        #expect(server.attempts == 2)
        #expect(time.sleeps == [2_000])
    }

    @Test("a Retry-After beyond the deadline or the backoff cap ends the call at once", arguments: [("5", Int64(3_000)), ("60", Int64(120_000))])
    func retryAfterTooLong(retryAfter: String, deadlineMilliseconds: Int64) throws {
        let time = VirtualTime()
        let throttled = FakeOpenAI.error(status: 429, type: "rate_limit_exceeded", code: nil, headers: [("Retry-After", retryAfter)])
        let (server, model) = try harness([throttled, FakeOpenAI.completion("too late")], time: time)
        #expect(throws: ModelError.throttled) {
            try model.complete(Samples.request, deadline: .after(milliseconds: deadlineMilliseconds, clock: time))
        }
        #expect(server.attempts == 1)
        #expect(time.sleeps == [])
    }

    @Test("500s on every attempt: three attempts, then unavailable")
    func serverErrorsExhaustRetries() throws {
        let time = VirtualTime()
        let failing = FakeOpenAI.error(status: 500, type: "api_error", code: nil, message: "model crashed")
        let (server, model) = try harness([failing, failing, failing, FakeOpenAI.completion("never")], time: time)
        #expect(throws: ModelError.unavailable("HTTP 500 api_error")) { try model.complete(Samples.request, deadline: .none) }
        #expect(server.attempts == 3)
        #expect(time.sleeps == [25, 50])
    }

    @Test("client errors are not retried, and never carry the key or the provider's message", arguments: [
        (401, ModelError.accessDenied("HTTP 401 invalid_request_error/invalid_api_key")),
        (403, .accessDenied("HTTP 403 invalid_request_error/invalid_api_key")),
        (404, .notFound("HTTP 404 invalid_request_error/invalid_api_key")),
        (400, .rejected("HTTP 400 invalid_request_error/invalid_api_key")),
        (422, .rejected("HTTP 422 invalid_request_error/invalid_api_key")),
    ])
    func clientErrors(status: Int, expected: ModelError) throws {
        var expectation = FakeOpenAI.Expectation()
        expectation.apiKey = "sk-live-secret-value-123456"
        let reply = FakeOpenAI.error(status: status, type: "invalid_request_error", code: "invalid_api_key",
                                     message: "Incorrect API key provided: sk-live-secret-value-123456 for We sell handmade furniture")
        let (server, model) = try harness([reply, FakeOpenAI.completion("never")], expectation: expectation)
        do {
            _ = try model.complete(Samples.request, deadline: .none)
            Issue.record("expected \(expected)")
        } catch {
            #expect(error == expected)
            #expect(!error.description.contains("sk-live"))
            #expect(!error.description.contains("furniture"))
        }
        #expect(server.attempts == 1)
    }

    @Test("undecodable answers are malformed responses", arguments: [
        ("<html>busy</html>", "chat completion: not valid JSON"),
        (#"{"choices":[]}"#, "chat completion: no choices"),
        (#"{"object":"chat.completion"}"#, "chat completion: missing choices"),
        (#"{"choices":[{"index":0}]}"#, "chat completion: missing choices.[0].message"),
    ])
    func garbage(body: String, detail: String) throws {
        let (server, model) = try harness([ScriptedModelServer.Reply(status: 200, headers: [], body: body)])
        #expect(throws: ModelError.malformedResponse(detail)) { try model.complete(Samples.request, deadline: .none) }
        #expect(server.attempts == 1)
    }

    @Test("a slow answer past the deadline: timed out at the deadline")
    func slowPastDeadline() throws {
        let (server, model) = try harness([FakeOpenAI.completion("too late").delayed(by: 3_000)], time: nil)
        let started = ContinuousClock.now
        #expect(throws: ModelError.timedOut) { try model.complete(Samples.request, deadline: .after(milliseconds: 400)) }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(350))
        #expect(elapsed < .milliseconds(1_200), "returned \(elapsed) after the call, the deadline was 400 ms")
        #expect(server.attempts == 1)
    }

    @Test("connection refused: retried, then unavailable")
    func connectionRefused() throws {
        let time = VirtualTime()
        let (server, model) = try harness([], time: time)
        server.stop()
        do {
            _ = try model.complete(Samples.request, deadline: .none)
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == "ModelUnavailable")
        }
        #expect(time.sleeps == [25, 50], "three attempts")
    }
}
