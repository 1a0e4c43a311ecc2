import CurlHTTP
import Foundation
import LocalRuntime

/// An OpenAI-compatible `/v1/chat/completions` server on loopback that
/// records every request and answers the same way each time: a completion,
/// an error status, or a completion only after a delay.
final class FakeModelServer: @unchecked Sendable {
    enum Behaviour: Sendable {
        case reply(String)
        case fail(status: Int)
        case slow(milliseconds: Int, reply: String)
    }

    /// One chat completion request as received.
    struct ChatRequest: Decodable, Sendable {
        struct Message: Decodable, Sendable {
            var role: String
            var content: String
            enum CodingKeys: String, CodingKey { case role, content }
        }

        var model: String
        var messages: [Message]
        enum CodingKeys: String, CodingKey { case model, messages }

        var system: String { messages.first { $0.role == "system" }?.content ?? "" }
        var userTurns: [String] { messages.filter { $0.role == "user" }.map(\.content) }
    }

    static let modelName = "fake-coach-1"

    private let lock = NSLock()
    private let behaviour: Behaviour
    private var received: [ServerRequest] = []
    private var server: LocalHTTPServer?

    init(_ behaviour: Behaviour) {
        self.behaviour = behaviour
    }

    deinit { server?.stop() }

    /// Starts on a free port; returns the value for `OPENAI_BASE_URL`.
    func start() throws -> String {
        let server = LocalHTTPServer { [self] request in handle(request) }
        let port = try server.start()
        lock.withLock { self.server = server }
        return "http://127.0.0.1:\(port)/v1"
    }

    func stop() { lock.withLock { server }?.stop() }

    /// The environment that points a `bootstrap` at this server.
    func environment(baseURL: String, apiKey: String? = nil, timeoutMilliseconds: Int = 5_000) -> [String: String] {
        var environment = [
            "LLM_PROVIDER": "openai", "OPENAI_BASE_URL": baseURL, "OPENAI_MODEL": Self.modelName,
            "LLM_TIMEOUT_MS": String(timeoutMilliseconds),
        ]
        if let apiKey { environment["OPENAI_API_KEY"] = apiKey }
        return environment
    }

    var attempts: Int { lock.withLock { received.count } }

    /// Every request body decoded; undecodable ones are left out.
    var requests: [ChatRequest] {
        lock.withLock { received }.compactMap { try? JSONDecoder().decode(ChatRequest.self, from: $0.body) }
    }

    var rawRequests: [ServerRequest] { lock.withLock { received } }

    private func handle(_ request: ServerRequest) -> ServerResponse {
        lock.withLock { received.append(request) }
        switch behaviour {
        case .reply(let text):
            return completion(text)
        case .fail(let status):
            return .json(status, #"{"error":{"message":"the fake model is down","type":"server_error","param":null,"code":null}}"#)
        case .slow(let milliseconds, let text):
            usleep(useconds_t(milliseconds * 1_000))
            return completion(text)
        }
    }

    private func completion(_ text: String) -> ServerResponse {
        let body = #"{"id":"chatcmpl-fake","object":"chat.completion","created":1767225600,"model":"\#(Self.modelName)","#
            + #""choices":[{"index":0,"message":{"role":"assistant","content":\#(Events.quoted(text))},"finish_reason":"stop"}],"#
            + #""usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150}}"#
        return .json(200, body)
    }
}
