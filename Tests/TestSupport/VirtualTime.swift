import AWSCore
import Essentials
import Foundation

/// A clock and sleeper in one: sleeping records the delay and moves the
/// clock forward instead of blocking, so retry tests assert exact delays
/// and deadlines without waiting.
package final class VirtualTime: EpochClock, Sleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var now: Int64
    private var recordedSleeps: [Int64] = []

    package init(startEpochMilliseconds: Int64 = 1_800_000_000_000) { now = startEpochMilliseconds }

    package func nowEpochMilliseconds() -> Int64 { lock.withLock { now } }

    package func sleep(milliseconds: Int64) {
        lock.withLock {
            recordedSleeps.append(milliseconds)
            now += milliseconds
        }
    }

    /// Moves time forward without recording a sleep (time spent elsewhere).
    package func advance(milliseconds: Int64) { lock.withLock { now += milliseconds } }

    package var sleeps: [Int64] { lock.withLock { recordedSleeps } }
}

/// Always the same "random" number.
package struct FixedRandom: RandomSource {
    package let value: Double
    package init(_ value: Double) { self.value = value }
    package func nextUnitInterval() -> Double { value }
}
