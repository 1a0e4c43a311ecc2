/// How a failed attempt may be retried.
package enum RetryKind: String, Sendable, Equatable {
    /// Network failures, 5xx, timeouts: short base delay.
    case transient
    /// The service asked us to slow down: long base delay.
    case throttling
}

/// Decides whether a service error is worth another attempt.
package protocol RetryClassifier: Sendable {
    /// `nil`: do not retry.
    func retryKind(for error: AWSServiceError) -> RetryKind?
}

/// The standard mode's rules: throttling codes, transient codes and 5xx
/// statuses, plus codes a service adds (botocore's modeled retryable errors).
package struct StandardRetryClassifier: RetryClassifier {
    /// botocore's union of throttling codes.
    package static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]
    static let transientCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"]
    static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    package var additionalThrottlingCodes: Set<String>
    package var additionalTransientCodes: Set<String>

    package init(additionalThrottlingCodes: Set<String> = [], additionalTransientCodes: Set<String> = []) {
        self.additionalThrottlingCodes = additionalThrottlingCodes
        self.additionalTransientCodes = additionalTransientCodes
    }

    package func retryKind(for error: AWSServiceError) -> RetryKind? {
        if Self.throttlingCodes.contains(error.code) || additionalThrottlingCodes.contains(error.code) {
            return .throttling
        }
        if Self.transientCodes.contains(error.code) || additionalTransientCodes.contains(error.code)
            || Self.transientStatuses.contains(error.statusCode) {
            return .transient
        }
        return nil
    }
}
