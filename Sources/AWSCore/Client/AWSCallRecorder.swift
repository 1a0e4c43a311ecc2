import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An ``AWSCallObserver`` that keeps what it is told, thread-safely, with
/// the thread each call ran on: an invocation runs on one thread from start
/// to end, so ``drain()`` returns only the calling thread's calls and one
/// worker's calls are never counted in another's metrics (a Step Functions
/// turn's DynamoDB calls once showed up in the next health request's).
/// Count round trips per request in the handler layer, assert them in tests.
package final class AWSCallRecorder: AWSCallObserver {
    private let calls = Mutex<[(thread: UInt, statistics: AWSCallStatistics)]>([])

    package init() {}

    private static var currentThread: UInt {
        #if canImport(Glibc)
        UInt(pthread_self())
        #else
        0
        #endif
    }

    package func callDidFinish(_ statistics: AWSCallStatistics) {
        let thread = Self.currentThread
        calls.withLock { $0.append((thread, statistics)) }
    }

    /// Every call recorded so far, on any thread, in order.
    package var recorded: [AWSCallStatistics] { calls.withLock { $0.map(\.statistics) } }

    /// HTTP round trips over all recorded calls.
    package var roundTrips: Int { recorded.reduce(0) { $0 + $1.attempts } }

    /// Retries over all recorded calls.
    package var retries: Int { recorded.reduce(0) { $0 + $1.retries } }

    /// Returns what the calling thread recorded, in order, and forgets it.
    @discardableResult
    package func drain() -> [AWSCallStatistics] {
        let thread = Self.currentThread
        return calls.withLock { calls in
            let mine = calls.filter { $0.thread == thread }.map(\.statistics)
            calls.removeAll { $0.thread == thread }
            return mine
        }
    }
}
