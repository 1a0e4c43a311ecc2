#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Wall-clock time, injectable so tests control signing times and deadlines.
public protocol AWSClock: Sendable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    func nowEpochMilliseconds() -> Int64
}

/// `CLOCK_REALTIME`, the clock Lambda deadlines and SigV4 dates are in.
public struct SystemClock: AWSClock {
    public init() {}

    public func nowEpochMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000 + Int64(now.tv_nsec) / 1_000_000
    }
}
