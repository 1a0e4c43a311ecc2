import Synchronization

/// An ``AWSCallObserver`` that keeps what it is told, thread-safely: count
/// round trips per request in the handler layer, assert them in tests.
package final class AWSCallRecorder: AWSCallObserver {
    private let calls = Mutex<[AWSCallStatistics]>([])

    package init() {}

    package func callDidFinish(_ statistics: AWSCallStatistics) {
        calls.withLock { $0.append(statistics) }
    }

    /// Every call recorded so far, in order.
    package var recorded: [AWSCallStatistics] { calls.withLock { $0 } }

    /// HTTP round trips over all recorded calls.
    package var roundTrips: Int { recorded.reduce(0) { $0 + $1.attempts } }

    /// Retries over all recorded calls.
    package var retries: Int { recorded.reduce(0) { $0 + $1.retries } }

    /// Returns what was recorded and starts afresh.
    @discardableResult
    package func drain() -> [AWSCallStatistics] {
        calls.withLock { calls in
            defer { calls.removeAll() }
            return calls
        }
    }
}
