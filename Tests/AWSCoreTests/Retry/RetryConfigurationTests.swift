import AWSCore
import Testing

@Suite("Standard retry values and arithmetic")
struct RetryConfigurationTests {
    @Test("DynamoDB: 4 attempts, 25 ms transient, 1 s throttling, 20 s cap")
    func dynamoDBValues() {
        let retry = RetryConfiguration.dynamoDB
        #expect(retry.maxAttempts == 4)
        #expect(retry.transientBaseMilliseconds == 25)
        #expect(retry.throttlingBaseMilliseconds == 1_000)
        #expect(retry.maxBackoffMilliseconds == 20_000)
        #expect(AWSServiceDescription.dynamoDB.retry == .dynamoDB)
        #expect(RetryConfiguration.standard.maxAttempts == 3)
        #expect(RetryConfiguration.standard.transientBaseMilliseconds == 50)
    }

    @Test("full jitter: random × min(base × 2^(retry-1), cap)")
    func fullJitter() {
        let retry = RetryConfiguration.dynamoDB
        #expect(retry.delayMilliseconds(beforeRetry: 1, kind: .transient, unitRandom: 0.5) == 12)
        #expect(retry.delayMilliseconds(beforeRetry: 2, kind: .transient, unitRandom: 0.5) == 25)
        #expect(retry.delayMilliseconds(beforeRetry: 3, kind: .transient, unitRandom: 1) == 100)
        #expect(retry.delayMilliseconds(beforeRetry: 1, kind: .throttling, unitRandom: 0.25) == 250)
        #expect(retry.delayMilliseconds(beforeRetry: 3, kind: .throttling, unitRandom: 1) == 4_000)
        #expect(retry.delayMilliseconds(beforeRetry: 10, kind: .throttling, unitRandom: 1) == 20_000)
        #expect(retry.delayMilliseconds(beforeRetry: 60, kind: .throttling, unitRandom: 0.5) == 10_000)
        #expect(retry.delayMilliseconds(beforeRetry: 1, kind: .throttling, unitRandom: 0) == 0)
    }

    @Test("x-amz-retry-after is honoured within [delay, delay + 5 s]")
    func retryAfter() {
        let retry = RetryConfiguration.dynamoDB
        #expect(retry.delayMilliseconds(beforeRetry: 1, kind: .throttling, unitRandom: 0.5, retryAfterMilliseconds: 3_000) == 3_000)
        #expect(retry.delayMilliseconds(beforeRetry: 1, kind: .throttling, unitRandom: 0.5, retryAfterMilliseconds: 100) == 500)
        #expect(retry.delayMilliseconds(beforeRetry: 1, kind: .throttling, unitRandom: 0.5, retryAfterMilliseconds: 60_000) == 5_500)
    }

    @Test("retry quota: costs, refusal when short, refill capped at capacity")
    func quota() {
        let quota = RetryQuota(capacity: 20)
        #expect(RetryQuota.cost(of: .throttling) == 5)
        #expect(RetryQuota.cost(of: .transient) == 14)
        #expect(quota.acquire(14))
        #expect(quota.available == 6)
        #expect(!quota.acquire(14))
        #expect(quota.available == 6)
        #expect(quota.acquire(5))
        quota.release(100)
        #expect(quota.available == 20)
        #expect(AWSClientDependencies().retryQuota.capacity == 500)
        #expect(AWSClientDependencies().retryQuota !== AWSClientDependencies().retryQuota)
    }

    @Test("attempt timeouts come from the time left, with a floor and ceilings")
    func attemptTimeouts() {
        let timeouts = TimeoutConfiguration(connectMilliseconds: 1_000, requestMilliseconds: 5_000, minimumAttemptMilliseconds: 20)
        #expect(timeouts.attemptTimeouts(remainingMilliseconds: nil)! == (1_000, 5_000))
        #expect(timeouts.attemptTimeouts(remainingMilliseconds: 60_000)! == (1_000, 5_000))
        #expect(timeouts.attemptTimeouts(remainingMilliseconds: 700)! == (700, 700))
        #expect(timeouts.attemptTimeouts(remainingMilliseconds: 19) == nil)
        #expect(timeouts.attemptTimeouts(remainingMilliseconds: -5) == nil)
    }

    @Test("classification: throttling codes, transient codes and 5xx, never validation or conditions")
    func classification() {
        let classifier = StandardRetryClassifier(additionalTransientCodes: ["ReplicatedWriteConflictException"])
        func kind(_ code: String, _ status: Int = 400) -> RetryKind? {
            classifier.retryKind(for: AWSServiceError(code: code, message: "", statusCode: status))
        }
        #expect(kind("ProvisionedThroughputExceededException") == .throttling)
        #expect(kind("ThrottlingException") == .throttling)
        #expect(kind("RequestLimitExceeded") == .throttling)
        #expect(kind("TransactionInProgressException") == .throttling)
        #expect(kind("InternalServerError", 500) == .transient)
        #expect(kind("ServiceUnavailable", 503) == .transient)
        #expect(kind("HTTP502", 502) == .transient)
        #expect(kind("RequestTimeout") == .transient)
        #expect(kind("ReplicatedWriteConflictException") == .transient)
        #expect(kind("ConditionalCheckFailedException") == nil)
        #expect(kind("ValidationException") == nil)
        #expect(kind("ResourceNotFoundException") == nil)
        #expect(kind("AccessDeniedException") == nil)
        #expect(kind("UnrecognizedClientException") == nil)
    }
}
