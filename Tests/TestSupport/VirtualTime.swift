import AWSCore
import Foundation

/// A clock and sleeper in one: sleeping records the delay and moves the
/// clock forward instead of blocking, so retry tests assert exact delays
/// and deadlines without waiting.
public final class VirtualTime: AWSClock, Sleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var now: Int64
    private var recordedSleeps: [Int64] = []

    public init(startEpochMilliseconds: Int64 = 1_800_000_000_000) { now = startEpochMilliseconds }

    public func nowEpochMilliseconds() -> Int64 { lock.withLock { now } }

    public func sleep(milliseconds: Int64) {
        lock.withLock {
            recordedSleeps.append(milliseconds)
            now += milliseconds
        }
    }

    /// Moves time forward without recording a sleep (time spent elsewhere).
    public func advance(milliseconds: Int64) { lock.withLock { now += milliseconds } }

    public var sleeps: [Int64] { lock.withLock { recordedSleeps } }
}

/// Always the same "random" number.
public struct FixedRandom: RandomSource {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public func nextUnitInterval() -> Double { value }
}
