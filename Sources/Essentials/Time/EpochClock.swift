#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Wall-clock time in epoch milliseconds, the unit of Lambda deadlines, log
/// timestamps and SigV4 dates; injectable so tests control time.
package protocol EpochClock: Sendable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    func nowEpochMilliseconds() -> Int64
}

/// `CLOCK_REALTIME`.
package struct SystemClock: EpochClock {
    package init() {}

    package func nowEpochMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// The current time, without building a clock value.
    package static func nowEpochMilliseconds() -> Int64 { SystemClock().nowEpochMilliseconds() }
}
