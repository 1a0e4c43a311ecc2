import AWSCore

/// Where an OpenAI-compatible server takes chat completions.
///
/// Base URLs are accepted with or without the trailing `/v1`, as servers
/// document them either way (Ollama: `http://localhost:11434/v1`; vLLM and
/// llama.cpp: `http://host:8000`): both give `{base}/v1/chat/completions`.
package struct OpenAIEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// The full URL requests are posted to.
    package let chatCompletionsURL: String

    /// - Throws: when `baseURL` is not `http(s)://host[:port][/path]`, or
    ///   carries credentials, a query or a fragment. The message never
    ///   repeats the URL (it may hold a password).
    package init(baseURL: String) throws(LanguageModelConfigurationError) {
        let invalid = LanguageModelConfigurationError(
            variable: "OPENAI_BASE_URL",
            reason: "must be an http or https URL such as http://localhost:11434/v1, without credentials, query or fragment"
        )
        guard !baseURL.contains("?"), !baseURL.contains("#"), !baseURL.contains(where: { $0.isWhitespace }) else { throw invalid }
        let parsed: AWSEndpoint
        do { parsed = try AWSEndpoint(url: baseURL) } catch { throw invalid }
        var prefix = parsed.basePath
        while prefix.hasSuffix("/") { prefix.removeLast() }
        if prefix.hasSuffix("/v1") { prefix.removeLast(3) }
        chatCompletionsURL = "\(parsed.scheme)://\(parsed.hostHeader)\(prefix)/v1/chat/completions"
    }

    package var description: String { chatCompletionsURL }
}
