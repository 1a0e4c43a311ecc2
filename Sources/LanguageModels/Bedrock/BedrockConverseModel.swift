import AWSCore
import Coaching
import CurlHTTP
import Essentials
import FoundationEssentials

/// A model on Amazon Bedrock, called through the Runtime's **Converse** API
/// (`POST /model/{modelId}/converse`, SigV4 signing name `bedrock`).
///
/// The model id (a model, an inference profile such as
/// `us.anthropic.claude-haiku-4-5-20251001-v1:0`, or an ARN) is
/// percent-encoded once in the path. Throttling, `ModelNotReadyException`,
/// `ModelTimeoutException` and 5xx answers are retried with the standard
/// mode's jittered backoff, never past the deadline.
package struct BedrockConverseModel: LanguageModel {
    package let modelID: String
    /// Longest a whole call may take, retries included, when the deadline
    /// allows more (`LLM_TIMEOUT_MS`).
    package let timeoutMilliseconds: Int64
    let client: AWSClient

    /// - Parameters:
    ///   - endpoint: `https://bedrock-runtime.{region}.amazonaws.com` or an override.
    ///   - dependencies: transport, clock, sleeper, randomness and retry quota
    ///     (share the transport with other AWS clients to share connections).
    package init(
        modelID: String,
        region: String,
        endpoint: AWSEndpoint,
        credentialsProvider: any CredentialsProvider,
        timeoutMilliseconds: Int64 = 30_000,
        dependencies: AWSClientDependencies = AWSClientDependencies()
    ) {
        var service = AWSServiceDescription.bedrockRuntime
        service.timeouts.requestMilliseconds = timeoutMilliseconds
        self.modelID = modelID
        self.timeoutMilliseconds = timeoutMilliseconds
        client = AWSClient(
            service: service,
            region: region,
            endpoint: endpoint,
            credentialsProvider: credentialsProvider,
            classifier: BedrockErrorMapping.retryClassifier,
            dependencies: dependencies
        )
    }

    package func complete(_ request: ModelRequest, deadline: Deadline) throws(ModelError) -> ModelResponse {
        try request.validate()
        let clock = client.dependencies.clock
        let start = clock.nowEpochMilliseconds()
        let body = try WireJSON.encode(ConverseRequest(request))
        let converse = AWSRequest(
            operation: "Converse",
            method: .post,
            pathSegments: ["model", modelID, "converse"],
            headers: ["Content-Type": "application/json", "Accept": "application/json"],
            body: body
        )
        let response: AWSResponse
        do {
            response = try client.send(converse, deadline: deadline.limited(toMilliseconds: timeoutMilliseconds, from: start))
        } catch {
            throw BedrockErrorMapping.modelError(for: error)
        }
        let answer = try WireJSON.decode(ConverseResponse.self, from: response.body, what: "Converse response")
        return ModelResponse(
            text: answer.text,
            stopReason: StopReason(converseStopReason: answer.stopReason),
            usage: answer.modelUsage,
            latencyMilliseconds: Int(clock.nowEpochMilliseconds() - start),
            modelID: modelID
        )
    }
}
