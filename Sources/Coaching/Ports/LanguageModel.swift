import Essentials

/// A chat language model: a system prompt and alternating turns in, one
/// reply out. Implementations: ``BedrockConverseModel`` (Amazon Bedrock's
/// Converse API) and ``OpenAICompatibleModel`` (any `/v1/chat/completions`
/// server: Ollama, vLLM, llama.cpp).
package protocol LanguageModel: Sendable {
    /// The model id requests go to, as reported in responses and metrics.
    var modelID: String { get }

    /// Sends one request. Retries transient failures within `deadline`;
    /// throws when it cannot answer in time.
    func complete(_ request: ModelRequest, deadline: Deadline) throws(ModelError) -> ModelResponse

    /// Sends one request and hands the reply's text to `onText` as the model
    /// writes it: the pieces, in order, concatenate to the returned
    /// response's `text`. Transient failures are retried only before the
    /// first piece; after it a failure throws (the caller has shown text).
    ///
    /// The default implementation completes the request buffered and hands
    /// over the whole reply at once.
    func stream(_ request: ModelRequest, deadline: Deadline, onText: (String) -> Void) throws(ModelError) -> ModelResponse
}

extension LanguageModel {
    package func stream(_ request: ModelRequest, deadline: Deadline, onText: (String) -> Void) throws(ModelError) -> ModelResponse {
        let response = try complete(request, deadline: deadline)
        if !response.text.isEmpty { onText(response.text) }
        return response
    }
}

/// The roles a turn can have in a model request.
package enum ModelRole: String, Sendable, Equatable {
    case user
    case assistant
}

/// One turn sent to a model.
package struct ModelMessage: Sendable, Equatable {
    package var role: ModelRole
    package var text: String

    package init(role: ModelRole, text: String) {
        self.role = role
        self.text = text
    }
}

/// A request to a language model. `messages` alternate and start with `user`.
package struct ModelRequest: Sendable, Equatable {
    package var system: String
    package var messages: [ModelMessage]
    package var maxTokens: Int
    package var temperature: Double
    package var topP: Double?
    package var stopSequences: [String]

    package init(system: String, messages: [ModelMessage], maxTokens: Int = 2_000, temperature: Double = 0.7, topP: Double? = nil, stopSequences: [String] = []) {
        self.system = system
        self.messages = messages
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.topP = topP
        self.stopSequences = stopSequences
    }
}

/// Tokens a model call consumed, or a total of calls.
///
/// Counts come from the provider (or from a stored total) and are clamped to
/// `0...maximumTokens` whenever a usage is made, and sums saturate there: a
/// provider reporting `Int.max` tokens can never make a later sum trap.
package struct ModelUsage: Sendable, Equatable {
    /// The largest count kept: far above any real total (a trillion tokens),
    /// far below the point where sums of a few of them could overflow.
    package static let maximumTokens = 1_000_000_000_000

    package private(set) var inputTokens: Int
    package private(set) var outputTokens: Int

    package init(inputTokens: Int = 0, outputTokens: Int = 0) {
        self.inputTokens = Self.clamped(inputTokens)
        self.outputTokens = Self.clamped(outputTokens)
    }

    package static let zero = ModelUsage()

    /// The saturating sum: at most ``maximumTokens`` of each kind.
    package static func + (lhs: ModelUsage, rhs: ModelUsage) -> ModelUsage {
        ModelUsage(inputTokens: sum(lhs.inputTokens, rhs.inputTokens), outputTokens: sum(lhs.outputTokens, rhs.outputTokens))
    }

    private static func clamped(_ count: Int) -> Int { min(max(count, 0), maximumTokens) }

    private static func sum(_ lhs: Int, _ rhs: Int) -> Int {
        let (total, overflow) = lhs.addingReportingOverflow(rhs)
        return overflow ? maximumTokens : clamped(total)
    }
}

/// Why the model stopped.
package enum StopReason: Sendable, Equatable {
    case endTurn
    /// The reply was cut at `maxTokens`.
    case maxTokens
    case stopSequence
    /// A guardrail blocked the request or the reply.
    case guardrailIntervened
    /// The provider's content filter blocked the reply.
    case contentFiltered
    case other(String)
}

/// A model's answer.
package struct ModelResponse: Sendable, Equatable {
    package var text: String
    package var stopReason: StopReason
    package var usage: ModelUsage
    /// Wall time of the call, including retries.
    package var latencyMilliseconds: Int
    package var modelID: String

    package init(text: String, stopReason: StopReason, usage: ModelUsage, latencyMilliseconds: Int, modelID: String) {
        self.text = text
        self.stopReason = stopReason
        self.usage = usage
        self.latencyMilliseconds = latencyMilliseconds
        self.modelID = modelID
    }
}

/// Why a model call failed. Messages never contain credentials or prompts.
package enum ModelError: Error, Sendable, Equatable {
    /// Throttled (429) on every attempt allowed.
    case throttled
    /// No answer before the deadline (or the provider's own timeout, 408).
    case timedOut
    /// The provider failed (5xx, model not ready, connection) on every attempt.
    case unavailable(String)
    /// The request was refused as invalid (400): retrying will not help.
    case rejected(String)
    /// Credentials or model access are missing (401/403).
    case accessDenied(String)
    /// The model or endpoint does not exist (404).
    case notFound(String)
    /// The answer could not be understood.
    case malformedResponse(String)
}
