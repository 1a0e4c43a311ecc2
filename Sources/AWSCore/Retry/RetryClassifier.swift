/// How a failed attempt may be retried.
public enum RetryKind: String, Sendable, Equatable {
    /// Network failures, 5xx, timeouts: short base delay.
    case transient
    /// The service asked us to slow down: long base delay.
    case throttling
}

/// Decides whether a service error is worth another attempt.
public protocol RetryClassifier: Sendable {
    /// `nil`: do not retry.
    func retryKind(for error: AWSServiceError) -> RetryKind?
}

/// The standard mode's rules: throttling codes, transient codes and 5xx
/// statuses, plus codes a service adds (botocore's modeled retryable errors).
public struct StandardRetryClassifier: RetryClassifier {
    /// botocore's union of throttling codes.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]
    public static let transientCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"]
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    public var additionalThrottlingCodes: Set<String>
    public var additionalTransientCodes: Set<String>

    public init(additionalThrottlingCodes: Set<String> = [], additionalTransientCodes: Set<String> = []) {
        self.additionalThrottlingCodes = additionalThrottlingCodes
        self.additionalTransientCodes = additionalTransientCodes
    }

    public func retryKind(for error: AWSServiceError) -> RetryKind? {
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
