/// What one logical AWS call cost: the figures behind the `DynamoDBRetries`
/// metric and the "round trips per chat message" budget.
package struct AWSCallStatistics: Sendable, Equatable {
    /// Signing name of the service (`dynamodb`).
    package var service: String
    /// Operation name (`GetItem`).
    package var operation: String
    /// HTTP round trips made, the first one included.
    package var attempts: Int
    /// Attempts answered with a throttling error.
    package var throttles: Int
    /// Time spent sleeping between attempts.
    package var backoffMilliseconds: Int64
    /// Wall time of the whole call, retries included.
    package var durationMilliseconds: Int64
    /// `nil` on success, else the final error's stable code.
    package var errorCode: String?

    package init(service: String, operation: String, attempts: Int, throttles: Int, backoffMilliseconds: Int64, durationMilliseconds: Int64, errorCode: String?) {
        self.service = service
        self.operation = operation
        self.attempts = attempts
        self.throttles = throttles
        self.backoffMilliseconds = backoffMilliseconds
        self.durationMilliseconds = durationMilliseconds
        self.errorCode = errorCode
    }

    /// Attempts after the first.
    package var retries: Int { max(0, attempts - 1) }
    var succeeded: Bool { errorCode == nil }
}

/// Told about every finished call, success or failure.
package protocol AWSCallObserver: Sendable {
    func callDidFinish(_ statistics: AWSCallStatistics)
}
