import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An ``AWSCallObserver`` that keeps what it is told, per thread: an
/// invocation runs on one thread from start to end, so the calls one worker
/// makes are never counted in another's metrics (a Step Functions turn's
/// DynamoDB calls once showed up in the next health request's). Count round
/// trips per request in the handler layer, assert them in tests.
package final class AWSCallRecorder: AWSCallObserver {
    private let calls = Mutex<[UInt: [AWSCallStatistics]]>([:])

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
        calls.withLock { $0[thread, default: []].append(statistics) }
    }

    /// Every call this thread recorded since its last ``drain()``, in order.
    package var recorded: [AWSCallStatistics] {
        let thread = Self.currentThread
        return calls.withLock { $0[thread] ?? [] }
    }

    /// HTTP round trips over this thread's recorded calls.
    package var roundTrips: Int { recorded.reduce(0) { $0 + $1.attempts } }

    /// Retries over this thread's recorded calls.
    package var retries: Int { recorded.reduce(0) { $0 + $1.retries } }

    /// Returns what this thread recorded and starts it afresh.
    @discardableResult
    package func drain() -> [AWSCallStatistics] {
        let thread = Self.currentThread
        return calls.withLock { $0.removeValue(forKey: thread) ?? [] }
    }
}
