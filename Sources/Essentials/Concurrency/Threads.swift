#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Runs `body` on a new detached POSIX thread.
///
/// The local servers give each connection its own thread: a Runtime API
/// `next` call blocks for as long as no event is queued, and a bounded pool
/// would starve behind such long polls.
package func spawnDetachedThread(_ body: @escaping @Sendable () -> Void) {
    if !startDetachedThread(body) { body() }
}

/// Runs `body` on a new detached POSIX thread; false (and `body` not run)
/// when no thread could be created.
package func startDetachedThread(_ body: @escaping @Sendable () -> Void) -> Bool {
    let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(&thread, nil, { argument in
        guard let argument else { return nil }
        let work = Unmanaged<ThreadBody>.fromOpaque(argument).takeRetainedValue()
        work.body()
        return nil
    }, box)
    guard result == 0 else {
        Unmanaged<ThreadBody>.fromOpaque(box).release()
        return false
    }
    pthread_detach(thread)
    return true
}

private final class ThreadBody {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// A mutex with a condition variable, for state that threads wait on.
package final class ConditionLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    package init() {
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    package func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Waits, with the lock held by the caller, until `predicate` holds or
    /// `timeoutSeconds` elapse. Returns whether the predicate held.
    package func wait(until predicate: () -> Bool, timeoutSeconds: Double?) -> Bool {
        guard let timeoutSeconds else {
            while !predicate() { pthread_cond_wait(condition, mutex) }
            return true
        }
        var deadline = timespec()
        clock_gettime(CLOCK_REALTIME, &deadline)
        let whole = Int(timeoutSeconds)
        let nanos = Int((timeoutSeconds - Double(whole)) * 1e9)
        deadline.tv_sec += whole + (deadline.tv_nsec + nanos) / 1_000_000_000
        deadline.tv_nsec = (deadline.tv_nsec + nanos) % 1_000_000_000
        while !predicate() {
            if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT { return predicate() }
        }
        return true
    }

    /// Wakes every waiter; call with the lock held.
    package func broadcast() { pthread_cond_broadcast(condition) }
}
