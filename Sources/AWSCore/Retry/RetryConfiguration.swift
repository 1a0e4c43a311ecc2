/// The values of the AWS SDK *standard* retry mode (botocore
/// `retries/standard.py`, new-retries behaviour).
///
/// The delay before retry `i` (1 for the first retry) is
/// `random(0,1) × min(base × 2^(i-1), maxBackoff)`, with `base` chosen by
/// the kind of error: throttling or transient.
package struct RetryConfiguration: Sendable, Equatable {
    /// Attempts in total, the first one included.
    package var maxAttempts: Int
    package var transientBaseMilliseconds: Int64
    package var throttlingBaseMilliseconds: Int64
    package var maxBackoffMilliseconds: Int64
    /// `x-amz-retry-after` may lengthen a delay by at most this much.
    var retryAfterMaxExtraMilliseconds: Int64
    /// What a server's retry-after hint does to the backoff.
    package var retryAfterPolicy: RetryAfterPolicy

    package init(
        maxAttempts: Int,
        transientBaseMilliseconds: Int64,
        throttlingBaseMilliseconds: Int64 = 1_000,
        maxBackoffMilliseconds: Int64 = 20_000,
        retryAfterMaxExtraMilliseconds: Int64 = 5_000,
        retryAfterPolicy: RetryAfterPolicy = .lengthensBackoff
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.transientBaseMilliseconds = transientBaseMilliseconds
        self.throttlingBaseMilliseconds = throttlingBaseMilliseconds
        self.maxBackoffMilliseconds = maxBackoffMilliseconds
        self.retryAfterMaxExtraMilliseconds = retryAfterMaxExtraMilliseconds
        self.retryAfterPolicy = retryAfterPolicy
    }

    /// Most services: 3 attempts, 50 ms transient base, 1 s throttling base, 20 s cap.
    package static let standard = RetryConfiguration(maxAttempts: 3, transientBaseMilliseconds: 50)

    /// DynamoDB: 4 attempts, 25 ms transient base, 1 s throttling base, 20 s cap.
    package static let dynamoDB = RetryConfiguration(maxAttempts: 4, transientBaseMilliseconds: 25)

    /// One attempt, no retry.
    package static let none = RetryConfiguration(maxAttempts: 1, transientBaseMilliseconds: 0)

    /// The delay before retry number `retry` under ``retryAfterPolicy``, or
    /// `nil` when the server asked to wait longer than a retry may.
    func delayBeforeRetry(
        _ retry: Int, kind: RetryKind, unitRandom: Double, retryAfterMilliseconds: Int64?
    ) -> Int64? {
        switch retryAfterPolicy {
        case .lengthensBackoff:
            return delayMilliseconds(beforeRetry: retry, kind: kind, unitRandom: unitRandom, retryAfterMilliseconds: retryAfterMilliseconds)
        case .replacesBackoff:
            guard let retryAfterMilliseconds, retryAfterMilliseconds >= 0 else {
                return delayMilliseconds(beforeRetry: retry, kind: kind, unitRandom: unitRandom)
            }
            return retryAfterMilliseconds <= maxBackoffMilliseconds ? retryAfterMilliseconds : nil
        }
    }

    /// Full-jitter delay before retry number `retry` (1-based) after an
    /// error of `kind`; `retryAfterMilliseconds` is the server's hint.
    package func delayMilliseconds(
        beforeRetry retry: Int,
        kind: RetryKind,
        unitRandom: Double,
        retryAfterMilliseconds: Int64? = nil
    ) -> Int64 {
        let base = kind == .throttling ? throttlingBaseMilliseconds : transientBaseMilliseconds
        let exponent = min(max(retry - 1, 0), 30)
        let ceiling = min(Double(base) * Double(1 << exponent), Double(maxBackoffMilliseconds))
        let jittered = Int64((min(max(unitRandom, 0), 1) * ceiling).rounded(.down))
        guard let retryAfterMilliseconds, retryAfterMilliseconds >= 0 else { return jittered }
        return max(jittered, min(retryAfterMilliseconds, jittered + retryAfterMaxExtraMilliseconds))
    }
}

/// What a server's hint to retry later does to the backoff.
package enum RetryAfterPolicy: Sendable, Equatable {
    /// `x-amz-retry-after`: may lengthen the jittered delay, by at most
    /// ``RetryConfiguration/retryAfterMaxExtraMilliseconds``.
    case lengthensBackoff
    /// HTTP `Retry-After`: replaces the backoff; a hint beyond
    /// ``RetryConfiguration/maxBackoffMilliseconds`` means no retry.
    case replacesBackoff
}

/// Per-attempt time limits, each cut to the time left before the deadline.
package struct TimeoutConfiguration: Sendable, Equatable {
    /// Ceiling for establishing a connection.
    package var connectMilliseconds: Int64
    /// Ceiling for one whole attempt.
    package var requestMilliseconds: Int64
    /// With less time than this left, no attempt is started (and no retry
    /// slept for): the call gives up with the last error.
    package var minimumAttemptMilliseconds: Int64

    package init(connectMilliseconds: Int64 = 1_000, requestMilliseconds: Int64 = 10_000, minimumAttemptMilliseconds: Int64 = 20) {
        self.connectMilliseconds = connectMilliseconds
        self.requestMilliseconds = requestMilliseconds
        self.minimumAttemptMilliseconds = minimumAttemptMilliseconds
    }

    /// `(connect, total)` for an attempt with `remaining` milliseconds left
    /// (`nil` = no deadline), or `nil` when there is not enough time.
    package func attemptTimeouts(remainingMilliseconds remaining: Int64?) -> (connect: Int64, total: Int64)? {
        guard let remaining else { return (connectMilliseconds, requestMilliseconds) }
        guard remaining >= minimumAttemptMilliseconds else { return nil }
        let total = min(requestMilliseconds, remaining)
        return (min(connectMilliseconds, total), total)
    }
}
