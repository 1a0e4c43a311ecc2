import Essentials

/// How one attempt ended, as the retry engine needs to know it.
package enum AttemptOutcome<Success, Failure: Error> {
    case success(Success)
    /// `retry` is `nil` when another attempt cannot help; `retryAfterMilliseconds`
    /// is the server's hint, if it gave one.
    case failure(Failure, retry: RetryKind?, retryAfterMilliseconds: Int64?)
}

/// What a call cost in attempts and waiting, for statistics and metrics.
package struct RetryProgress: Sendable, Equatable {
    package var startMilliseconds: Int64
    package var attempts = 0
    package var throttles = 0
    package var backoffMilliseconds: Int64 = 0

    package init(startMilliseconds: Int64) {
        self.startMilliseconds = startMilliseconds
    }
}

/// The one retry loop of every outbound call (AWS services, OpenAI-compatible
/// models): the standard mode's attempts, full-jitter backoff and retry quota,
/// per-attempt timeouts cut to the deadline, and never an attempt started or
/// a sleep taken past the deadline.
package struct RetryEngine: Sendable {
    package var retry: RetryConfiguration
    package var timeouts: TimeoutConfiguration
    package var clock: any EpochClock
    package var sleeper: any Sleeper
    package var random: any RandomSource
    package var quota: RetryQuota

    package init(
        retry: RetryConfiguration, timeouts: TimeoutConfiguration, clock: any EpochClock, sleeper: any Sleeper,
        random: any RandomSource, quota: RetryQuota
    ) {
        self.retry = retry
        self.timeouts = timeouts
        self.clock = clock
        self.sleeper = sleeper
        self.random = random
        self.quota = quota
    }

    /// Runs `attempt` (given that attempt's connect and total timeouts) until it
    /// succeeds or retrying must stop: a failure that is not retryable, the last
    /// attempt allowed, an empty quota, or too little time left. `outOfTime` is
    /// the error when not even the first attempt fits before the deadline.
    package func run<Success, Failure: Error>(
        deadline: Deadline, outOfTime: Failure,
        _ attempt: (_ connectMilliseconds: Int64, _ totalMilliseconds: Int64) -> AttemptOutcome<Success, Failure>
    ) -> (result: Result<Success, Failure>, progress: RetryProgress) {
        var progress = RetryProgress(startMilliseconds: clock.nowEpochMilliseconds())
        var lastError: Failure?
        var lastRetryCost: Int?
        while true {
            guard let limits = timeouts.attemptTimeouts(remainingMilliseconds: deadline.remainingMilliseconds(at: clock.nowEpochMilliseconds())) else {
                return (.failure(lastError ?? outOfTime), progress)
            }
            progress.attempts += 1
            let error: Failure, kind: RetryKind?, retryAfter: Int64?
            switch attempt(limits.connect, limits.total) {
            case .success(let value):
                quota.release(lastRetryCost ?? RetryQuota.successIncrement)
                return (.success(value), progress)
            case .failure(let failed, let failedKind, let hint):
                (error, kind, retryAfter) = (failed, failedKind, hint)
            }
            if kind == .throttling { progress.throttles += 1 }
            lastError = error
            guard let kind, progress.attempts < retry.maxAttempts,
                  let delay = retry.delayBeforeRetry(
                      progress.attempts, kind: kind, unitRandom: random.nextUnitInterval(), retryAfterMilliseconds: retryAfter
                  )
            else { return (.failure(error), progress) }
            if let remaining = deadline.remainingMilliseconds(at: clock.nowEpochMilliseconds()),
               remaining - delay < timeouts.minimumAttemptMilliseconds {
                return (.failure(error), progress)
            }
            let cost = RetryQuota.cost(of: kind)
            guard quota.acquire(cost) else { return (.failure(error), progress) }
            lastRetryCost = cost
            sleeper.sleep(milliseconds: delay)
            progress.backoffMilliseconds += delay
        }
    }
}
