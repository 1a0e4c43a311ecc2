import AWSCore
import Foundation
import LanguageModels
import LocalRuntime
import TestSupport

/// A fake OpenAI-compatible server: checks each chat completion request
/// (path, bearer key exactly when one is configured, JSON shape) and
/// answers from a script.
enum FakeOpenAI {
    /// What a well-formed request for one test carries.
    struct Expectation: Sendable {
        var path = "/v1/chat/completions"
        var model = "llama3.2:3b"
        var apiKey: String?
        var system: String? = Samples.system
        var maxTokens = 512
        var temperature = 0.4
    }

    static func server(expecting expectation: Expectation, script: [ScriptedModelServer.Reply]) -> ScriptedModelServer {
        ScriptedModelServer(
            script: script,
            inspector: { requestProblems($0, expectation) },
            rejection: { problems in
                problems.contains { $0.hasPrefix("authorization") }
                    ? error(status: 401, type: "invalid_request_error", code: "invalid_api_key")
                    : error(status: 400, type: "invalid_request_error", code: "shape")
            }
        )
    }

    static func model(baseURL: String, expectation: Expectation, time: VirtualTime?, timeoutMilliseconds: Int64 = 30_000,
                      observer: (any AWSCallObserver)? = nil) throws -> OpenAICompatibleModel {
        var dependencies = AWSClientDependencies(random: FixedRandom(0.5), retryQuota: RetryQuota(), observer: observer)
        if let time {
            dependencies.clock = time
            dependencies.sleeper = time
        }
        return OpenAICompatibleModel(
            modelID: expectation.model, endpoint: try OpenAIEndpoint(baseURL: baseURL), apiKey: expectation.apiKey,
            timeoutMilliseconds: timeoutMilliseconds, dependencies: dependencies
        )
    }

    // MARK: Replies

    static func completion(_ content: String?, finishReason: String? = "stop", usage: (Int, Int)? = (700, 42), extraMessageJSON: String = "") -> ScriptedModelServer.Reply {
        let contentJSON = content.map(jsonString) ?? "null"
        let finishJSON = finishReason.map(jsonString) ?? "null"
        let usageJSON = usage.map { #","usage":{"prompt_tokens":\#($0.0),"completion_tokens":\#($0.1),"total_tokens":\#($0.0 + $0.1)}"# } ?? ""
        let body = #"{"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"llama3.2:3b","#
            + #""choices":[{"index":0,"message":{"role":"assistant","content":\#(contentJSON)\#(extraMessageJSON)},"finish_reason":\#(finishJSON)}]\#(usageJSON)}"#
        return ScriptedModelServer.Reply(status: 200, headers: [("Content-Type", "application/json")], body: body)
    }

    static func error(status: Int, type: String, code: String?, message: String = "error", headers: [(String, String)] = []) -> ScriptedModelServer.Reply {
        let codeJSON = code.map(jsonString) ?? "null"
        return ScriptedModelServer.Reply(
            status: status,
            headers: [("Content-Type", "application/json")] + headers,
            body: #"{"error":{"message":\#(jsonString(message)),"type":\#(jsonString(type)),"param":null,"code":\#(codeJSON)}}"#
        )
    }

    static func jsonString(_ text: String) -> String {
        (try? JSONEncoder().encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    // MARK: Checks

    static func requestProblems(_ request: ServerRequest, _ expectation: Expectation) -> [String] {
        var problems: [String] = []
        if request.method != "POST" { problems.append("method \(request.method)") }
        if request.target != expectation.path { problems.append("target \(request.target), expected \(expectation.path)") }
        if request.headers["Content-Type"] != "application/json" { problems.append("content type") }
        let authorization = request.headers.values(for: "Authorization")
        if let key = expectation.apiKey {
            if authorization != ["Bearer \(key)"] { problems.append("authorization: expected the bearer key") }
        } else if !authorization.isEmpty {
            problems.append("authorization: sent without a configured key")
        }
        return problems + bodyProblems(request.body, expectation)
    }

    static func bodyProblems(_ body: Data, _ expectation: Expectation) -> [String] {
        guard let json = JSONValue.parse(body), let keys = json.keys else { return ["body is not a JSON object"] }
        var problems: [String] = []
        let unexpected = keys.subtracting(["model", "messages", "temperature", "max_tokens", "top_p", "stop"])
        if !unexpected.isEmpty { problems.append("unexpected keys \(unexpected.sorted())") }
        if json["model"]?.string != expectation.model { problems.append("model") }
        if json["max_tokens"]?.integer != expectation.maxTokens { problems.append("max_tokens") }
        if json["temperature"]?.number != expectation.temperature { problems.append("temperature") }
        guard var messages = json["messages"]?.array else { return problems + ["messages missing"] }
        if let system = expectation.system {
            if messages.first != .object(["role": .string("system"), "content": .string(system)]) {
                problems.append("the system prompt must be the first message")
            }
            messages = Array(messages.dropFirst())
        }
        if messages.isEmpty { problems.append("no turns") }
        for (index, message) in messages.enumerated() {
            let expectedRole = index % 2 == 0 ? "user" : "assistant"
            guard message.keys == ["role", "content"], message["role"]?.string == expectedRole, message["content"]?.string != nil else {
                problems.append("turn \(index) must be {role: \(expectedRole), content: text}")
                continue
            }
        }
        return problems
    }
}
