import LanguageModels
import Testing

@Suite("OpenAI-compatible base URLs")
struct OpenAIEndpointTests {
    @Test("accepted forms", arguments: [
        ("http://localhost:11434/v1", "http://localhost:11434/v1/chat/completions"),
        ("http://localhost:11434/v1/", "http://localhost:11434/v1/chat/completions"),
        ("http://localhost:11434", "http://localhost:11434/v1/chat/completions"),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/v1/chat/completions"),
        ("https://api.example.com/openai/v1", "https://api.example.com/openai/v1/chat/completions"),
        ("HTTPS://API.Example.com:443/v1", "https://api.example.com/v1/chat/completions"),
        ("http://[::1]:8080/v1", "http://[::1]:8080/v1/chat/completions"),
    ])
    func accepted(base: String, expected: String) throws {
        #expect(try OpenAIEndpoint(baseURL: base).chatCompletionsURL == expected)
    }

    @Test("rejected forms never echo the URL", arguments: [
        "localhost:11434", "ftp://host/v1", "http://user:hunter2@host/v1", "http://host/v1?key=hunter2", "http://host/v1#x",
        "http://host:port/v1", "http:// host/v1", "http://",
    ])
    func rejected(base: String) {
        do {
            _ = try OpenAIEndpoint(baseURL: base)
            Issue.record("accepted \(base)")
        } catch {
            #expect(error.variable == "OPENAI_BASE_URL")
            #expect(!error.description.contains("hunter2"))
        }
    }
}
