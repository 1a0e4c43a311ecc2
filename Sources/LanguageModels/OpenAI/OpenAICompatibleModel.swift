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
        dependencies: AWSClientDependencies = AWSClientDependencies()
    ) {
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
        var call = CallProgress(start: clock.nowEpochMilliseconds())
        let deadline = deadline.limited(toMilliseconds: timeoutMilliseconds, from: call.start)
        let timeouts = TimeoutConfiguration(connectMilliseconds: connectTimeoutMilliseconds, requestMilliseconds: timeoutMilliseconds)
        let body = try WireJSON.encode(ChatCompletionRequest(model: modelID, request: request))
        var headers: HTTPHeaders = ["Content-Type": "application/json", "Accept": "application/json"]
        if let apiKey { headers.add(name: "Authorization", value: "Bearer \(apiKey)") }

        while true {
            guard let limits = timeouts.attemptTimeouts(remainingMilliseconds: deadline.remainingMilliseconds(at: clock.nowEpochMilliseconds())) else {
                throw finish(call, error: call.lastError ?? .timedOut)
            }
            call.attempts += 1
            let outcome = attempt(HTTPRequest(
                method: .post, url: endpoint.chatCompletionsURL, headers: headers, body: body,
                connectTimeoutMilliseconds: Int(limits.connect), timeoutMilliseconds: Int(limits.total)
            ))
            let failure: OpenAIAttemptFailure
            switch outcome {
            case .success(let response) where response.isSuccess:
                dependencies.retryQuota.release(call.lastRetryCost ?? RetryQuota.successIncrement)
                do {
                    let answer = try answer(from: response, start: call.start)
                    report(call, errorCode: nil)
                    return answer
                } catch {
                    throw finish(call, error: error)
                }
            case .success(let response):
                failure = OpenAIErrorMapping.failure(for: response)
            case .failure(let error):
                failure = OpenAIErrorMapping.failure(for: error)
            }
            call.lastError = failure.error
            if failure.retryKind == .throttling { call.throttles += 1 }
            guard let kind = failure.retryKind, call.attempts < retry.maxAttempts,
                  let delay = delayBeforeRetry(after: failure, kind: kind, attempts: call.attempts) else {
                throw finish(call, error: failure.error)
            }
            if let remaining = deadline.remainingMilliseconds(at: clock.nowEpochMilliseconds()),
               remaining - delay < timeouts.minimumAttemptMilliseconds {
                throw finish(call, error: failure.error)
            }
            let cost = RetryQuota.cost(of: kind)
            guard dependencies.retryQuota.acquire(cost) else { throw finish(call, error: failure.error) }
            call.lastRetryCost = cost
            dependencies.sleeper.sleep(milliseconds: delay)
            call.backoffMilliseconds += delay
        }
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

    /// The server's `Retry-After` when it gave one (no retry at all when it
    /// asks for more than the backoff cap), else full-jitter backoff.
    private func delayBeforeRetry(after failure: OpenAIAttemptFailure, kind: RetryKind, attempts: Int) -> Int64? {
        if let retryAfter = failure.retryAfterMilliseconds {
            return retryAfter <= retry.maxBackoffMilliseconds ? retryAfter : nil
        }
        return retry.delayMilliseconds(beforeRetry: attempts, kind: kind, unitRandom: dependencies.random.nextUnitInterval())
    }

    private struct CallProgress {
        var start: Int64
        var attempts = 0
        var throttles = 0
        var backoffMilliseconds: Int64 = 0
        var lastRetryCost: Int?
        var lastError: ModelError?
    }

    private func finish(_ call: CallProgress, error: ModelError) -> ModelError {
        report(call, errorCode: error.code)
        return error
    }

    private func report(_ call: CallProgress, errorCode: String?) {
        dependencies.observer?.callDidFinish(AWSCallStatistics(
            service: "openai",
            operation: "ChatCompletions",
            attempts: call.attempts,
            throttles: call.throttles,
            backoffMilliseconds: call.backoffMilliseconds,
            durationMilliseconds: dependencies.clock.nowEpochMilliseconds() - call.start,
            errorCode: errorCode
        ))
    }
}
