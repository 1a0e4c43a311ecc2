/// Which language model answers coaching turns (`LLM_PROVIDER`).
package enum LanguageModelProvider: String, Sendable, Equatable, CaseIterable {
    /// Amazon Bedrock's Converse API.
    case bedrock
    /// Any OpenAI-compatible chat completions server.
    case openai
    /// No model: the deterministic offline coach answers.
    case offline
}
