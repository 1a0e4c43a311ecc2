/// What one logical AWS call cost: the figures behind the `DynamoDBRetries`
/// metric and the "round trips per chat message" budget.
public struct AWSCallStatistics: Sendable, Equatable {
    /// Signing name of the service (`dynamodb`).
    public var service: String
    /// Operation name (`GetItem`).
    public var operation: String
    /// HTTP round trips made, the first one included.
    public var attempts: Int
    /// Attempts answered with a throttling error.
    public var throttles: Int
    /// Time spent sleeping between attempts.
    public var backoffMilliseconds: Int64
    /// Wall time of the whole call, retries included.
    public var durationMilliseconds: Int64
    /// `nil` on success, else the final error's stable code.
    public var errorCode: String?

    public init(service: String, operation: String, attempts: Int, throttles: Int, backoffMilliseconds: Int64, durationMilliseconds: Int64, errorCode: String?) {
        self.service = service
        self.operation = operation
        self.attempts = attempts
        self.throttles = throttles
        self.backoffMilliseconds = backoffMilliseconds
        self.durationMilliseconds = durationMilliseconds
        self.errorCode = errorCode
    }

    /// Attempts after the first.
    public var retries: Int { max(0, attempts - 1) }
    public var succeeded: Bool { errorCode == nil }
}

/// Told about every finished call, success or failure.
public protocol AWSCallObserver: Sendable {
    func callDidFinish(_ statistics: AWSCallStatistics)
}
