import AWSCore
import Coaching
import Essentials
import Foundation
import LanguageModels
import Testing
import TestSupport

/// Issue 20: OpenAI's reasoning models refuse `max_tokens` (400
/// `unsupported_parameter`), so every turn fell back to the offline coach;
/// and some servers drop the system role without a word.
@Suite("OpenAI-compatible request shapes")
struct OpenAIRequestShapeTests {
    static let refusal = ScriptedModelServer.Reply(
        status: 400, headers: [("Content-Type", "application/json")],
        body: #"{"error":{"message":"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}}"#
    )

    private func server(_ script: [ScriptedModelServer.Reply]) -> ScriptedModelServer {
        ScriptedModelServer(script: script, inspector: { _ in [] }, rejection: { _ in Self.refusal })
    }

    private func bodies(_ server: ScriptedModelServer) -> [JSONValue] {
        server.received.compactMap { JSONValue.parse($0.request.body) }
    }

    private func dependencies() -> AWSClientDependencies {
        let time = VirtualTime()
        var dependencies = AWSClientDependencies(random: FixedRandom(0.5), retryQuota: RetryQuota())
        dependencies.clock = time
        dependencies.sleeper = time
        return dependencies
    }

    @Test("a refused max_tokens is sent again as max_completion_tokens, and remembered")
    func maxCompletionTokensIsDetected() throws {
        let server = server([Self.refusal, FakeOpenAI.completion("First"), FakeOpenAI.completion("Second")])
        let model = OpenAICompatibleModel(modelID: "o4-mini", endpoint: try OpenAIEndpoint(baseURL: try server.start()),
                                          dependencies: dependencies())
        #expect(try model.complete(Samples.request, deadline: .none).text == "First")
        #expect(try model.complete(Samples.request, deadline: .none).text == "Second")
        let sent = bodies(server)
        #expect(sent.count == 3)
        #expect(sent.first?["max_tokens"]?.integer == Samples.request.maxTokens)
        #expect(sent.first?["max_completion_tokens"] == nil)
        for body in sent.dropFirst() {
            #expect(body["max_completion_tokens"]?.integer == Samples.request.maxTokens)
            #expect(body["max_tokens"] == nil)
        }
    }

    @Test("configured max_completion_tokens is used from the first request")
    func maxCompletionTokensConfigured() throws {
        let server = server([FakeOpenAI.completion("Hi")])
        let model = OpenAICompatibleModel(modelID: "o4-mini", endpoint: try OpenAIEndpoint(baseURL: try server.start()),
                                          options: OpenAIRequestOptions(tokenLimitField: .maxCompletionTokens), dependencies: dependencies())
        _ = try model.complete(Samples.request, deadline: .none)
        #expect(bodies(server).map { $0["max_completion_tokens"]?.integer } == [Samples.request.maxTokens])
    }

    @Test("with max_tokens configured, a refusal is an error, not a second request")
    func maxTokensConfiguredIsKept() throws {
        let server = server([Self.refusal])
        let model = OpenAICompatibleModel(modelID: "o4-mini", endpoint: try OpenAIEndpoint(baseURL: try server.start()),
                                          options: OpenAIRequestOptions(tokenLimitField: .maxTokens), dependencies: dependencies())
        #expect(throws: ModelError.self) { try model.complete(Samples.request, deadline: .none) }
        #expect(server.attempts == 1)
    }

    @Test("the system prompt folded into the first user turn")
    func systemPromptInTheFirstUserTurn() throws {
        let server = server([FakeOpenAI.completion("Hi")])
        let model = OpenAICompatibleModel(modelID: "gemma", endpoint: try OpenAIEndpoint(baseURL: try server.start()),
                                          options: OpenAIRequestOptions(systemPrompt: .firstUserTurn), dependencies: dependencies())
        _ = try model.complete(Samples.request, deadline: .none)
        let messages = try #require(bodies(server).first?["messages"]?.array)
        #expect(messages.map { $0["role"]?.string } == ["user", "assistant", "user"])
        #expect(messages.first?["content"]?.string == Samples.system + "\n\n" + Samples.request.messages[0].text)
        #expect(messages.last?["content"]?.string == Samples.request.messages[2].text)
    }

    @Test("configuration: OPENAI_TOKEN_LIMIT_FIELD and OPENAI_SYSTEM_PROMPT")
    func configuration() throws {
        let base: [String: String] = ["LLM_PROVIDER": "openai", "OPENAI_BASE_URL": "http://127.0.0.1:1/v1", "OPENAI_MODEL": "o4-mini"]
        #expect(try LanguageModelConfiguration(environment: Environment(base)).openAIOptions == OpenAIRequestOptions())
        var chosen = base
        chosen["OPENAI_TOKEN_LIMIT_FIELD"] = "max_completion_tokens"
        chosen["OPENAI_SYSTEM_PROMPT"] = "user"
        let options = try LanguageModelConfiguration(environment: Environment(chosen)).openAIOptions
        #expect(options == OpenAIRequestOptions(tokenLimitField: .maxCompletionTokens, systemPrompt: .firstUserTurn))
        for (name, value) in [("OPENAI_TOKEN_LIMIT_FIELD", "max_output_tokens"), ("OPENAI_SYSTEM_PROMPT", "developer")] {
            var bad = base
            bad[name] = value
            #expect(throws: LanguageModelConfigurationError.self) { try LanguageModelConfiguration(environment: Environment(bad)) }
        }
    }
}
