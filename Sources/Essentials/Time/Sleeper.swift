#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Blocks the calling thread between retry attempts; injectable so tests
/// can record delays instead of waiting.
package protocol Sleeper: Sendable {
    func sleep(milliseconds: Int64)
}

/// Really sleeps, with `nanosleep`, resuming after signal interruptions.
package struct ThreadSleeper: Sleeper {
    package init() {}

    package func sleep(milliseconds: Int64) {
        guard milliseconds > 0 else { return }
        var request = timespec(tv_sec: Int(milliseconds / 1_000), tv_nsec: Int(milliseconds % 1_000) * 1_000_000)
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR {
            request = remaining
        }
    }
}
