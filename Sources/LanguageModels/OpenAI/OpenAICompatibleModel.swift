import AWSCore
import Coaching
import CurlHTTP
import Essentials
import FoundationEssentials
import HTTPTypes

/// A model behind any OpenAI-compatible `POST /v1/chat/completions`
/// server: Ollama, vLLM, llama.cpp's server, or OpenAI itself.
///
/// `Authorization: Bearer` is sent only when an API key is configured.
/// 429, 408, 5xx and connection failures are retried with jittered
/// exponential backoff (at most ``retry``'s attempts); `Retry-After` is
/// honoured, and no attempt or sleep ever runs past the deadline.
package struct OpenAICompatibleModel: LanguageModel {
    package let modelID: String
    package let endpoint: OpenAIEndpoint
    /// Longest a whole call may take, retries included (`LLM_TIMEOUT_MS`).
    package let timeoutMilliseconds: Int64
    package let retry: RetryConfiguration
    /// Connect ceiling per attempt; the attempt's total is the time left.
    package let connectTimeoutMilliseconds: Int64
    private let apiKey: String?
    package let options: OpenAIRequestOptions
    private let learnedTokenLimitField = LearnedTokenLimitField()
    /// Transport, clock, sleeper, randomness, retry quota and observer, as
    /// for the AWS clients: calls are reported as service `openai`,
    /// operation `ChatCompletions`.
    let dependencies: AWSClientDependencies

    package init(
        modelID: String,
        endpoint: OpenAIEndpoint,
        apiKey: String? = nil,
        timeoutMilliseconds: Int64 = 30_000,
        retry: RetryConfiguration = .standard,
        connectTimeoutMilliseconds: Int64 = 2_000,
        options: OpenAIRequestOptions = OpenAIRequestOptions(),
        dependencies: AWSClientDependencies = AWSClientDependencies()
    ) {
        self.options = options
        self.modelID = modelID
        self.endpoint = endpoint
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
        self.timeoutMilliseconds = timeoutMilliseconds
        self.retry = retry
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.dependencies = dependencies
    }

    package func complete(_ request: ModelRequest, deadline: Deadline) throws(ModelError) -> ModelResponse {
        try request.validate()
        let clock = dependencies.clock
        let start = clock.nowEpochMilliseconds()
        let deadline = deadline.limited(toMilliseconds: timeoutMilliseconds, from: start)
        let field = learnedTokenLimitField.value ?? options.tokenLimitField
        let result = try send(request, tokenLimitField: field, start: start, deadline: deadline)
        if case .failure(.rejected(Self.maxTokensRefused)) = result, field == .automatic {
            // The server wants `max_completion_tokens`: use it from now on.
            learnedTokenLimitField.learn(.maxCompletionTokens)
            return try send(request, tokenLimitField: .maxCompletionTokens, start: start, deadline: deadline).get()
        }
        return try result.get()
    }

    /// The reason of the 400 that asks for `max_completion_tokens`.
    static let maxTokensRefused = "HTTP 400 unsupported_parameter: max_tokens (the model wants max_completion_tokens)"

    private func send(
        _ request: ModelRequest, tokenLimitField field: OpenAIRequestOptions.TokenLimitField, start: Int64, deadline: Deadline
    ) throws(ModelError) -> Result<ModelResponse, ModelError> {
        let clock = dependencies.clock
        let body = try WireJSON.encode(ChatCompletionRequest(model: modelID, request: request, tokenLimitField: field,
                                                             systemPrompt: options.systemPrompt))
        var headers: HTTPHeaders = ["Content-Type": "application/json", "Accept": "application/json"]
        if let apiKey { headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        var policy = retry
        policy.retryAfterPolicy = .replacesBackoff
        let engine = RetryEngine(
            retry: policy,
            timeouts: TimeoutConfiguration(connectMilliseconds: connectTimeoutMilliseconds, requestMilliseconds: timeoutMilliseconds),
            clock: clock, sleeper: dependencies.sleeper, random: dependencies.random, quota: dependencies.retryQuota
        )
        let (result, progress) = engine.run(deadline: deadline, outOfTime: ModelError.timedOut) { connect, total -> AttemptOutcome<ModelResponse, ModelError> in
            let failure: OpenAIAttemptFailure
            switch attempt(HTTPRequest(
                method: .post, url: endpoint.chatCompletionsURL, headers: headers, body: body,
                connectTimeoutMilliseconds: Int(connect), timeoutMilliseconds: Int(total)
            )) {
            case .success(let response) where response.isSuccess:
                do throws(ModelError) {
                    return .success(try answer(from: response, start: start))
                } catch {
                    return .failure(error, retry: nil, retryAfterMilliseconds: nil)
                }
            case .success(let response) where field == .automatic && OpenAIErrorMapping.refusesMaxTokens(response):
                return .failure(.rejected(Self.maxTokensRefused), retry: nil, retryAfterMilliseconds: nil)
            case .success(let response):
                failure = OpenAIErrorMapping.failure(for: response)
            case .failure(let error):
                failure = OpenAIErrorMapping.failure(for: error)
            }
            return .failure(failure.error, retry: failure.retryKind, retryAfterMilliseconds: failure.retryAfterMilliseconds)
        }
        report(progress, errorCode: result.failureCode)
        return result
    }

    private func attempt(_ request: HTTPRequest) -> Result<HTTPResponse, HTTPClientError> {
        do {
            return .success(try dependencies.transport.perform(request))
        } catch {
            return .failure(error)
        }
    }

    private func answer(from response: HTTPResponse, start: Int64) throws(ModelError) -> ModelResponse {
        let decoded = try WireJSON.decode(ChatCompletionResponse.self, from: response.body, what: "chat completion")
        guard let choice = decoded.choices.first else { throw .malformedResponse("chat completion: no choices") }
        let refused = choice.message.refusal.map { !$0.isEmpty } ?? false
        return ModelResponse(
            text: choice.message.content ?? "",
            stopReason: refused ? .contentFiltered : StopReason(finishReason: choice.finishReason),
            usage: decoded.modelUsage,
            latencyMilliseconds: Int(dependencies.clock.nowEpochMilliseconds() - start),
            modelID: modelID
        )
    }

    private func report(_ progress: RetryProgress, errorCode: String?) {
        dependencies.observer?.callDidFinish(AWSCallStatistics(
            service: "openai",
            operation: "ChatCompletions",
            attempts: progress.attempts,
            throttles: progress.throttles,
            backoffMilliseconds: progress.backoffMilliseconds,
            durationMilliseconds: dependencies.clock.nowEpochMilliseconds() - progress.startMilliseconds,
            errorCode: errorCode
        ))
    }
}

extension Result where Failure == ModelError {
    /// The stable code of the failure, `nil` on success.
    fileprivate var failureCode: String? {
        if case .failure(let error) = self { return error.code }
        return nil
    }
}
