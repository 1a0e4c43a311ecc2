/// The instant by which a call must be finished, as epoch milliseconds
/// (the unit of Lambda's `Lambda-Runtime-Deadline-Ms`), or no limit.
package struct Deadline: Sendable, Equatable, CustomStringConvertible {
    /// `nil` means no deadline.
    package var epochMilliseconds: Int64?

    package init(epochMilliseconds: Int64?) {
        self.epochMilliseconds = epochMilliseconds
    }

    /// No deadline: per-attempt timeouts fall back to their ceilings.
    package static let none = Deadline(epochMilliseconds: nil)

    /// `milliseconds` from now on `clock`.
    package static func after(milliseconds: Int64, clock: any EpochClock = SystemClock()) -> Deadline {
        Deadline(epochMilliseconds: clock.nowEpochMilliseconds() + milliseconds)
    }

    /// Milliseconds left at `now` (negative once passed), `nil` without a deadline.
    package func remainingMilliseconds(at now: Int64) -> Int64? {
        epochMilliseconds.map { $0 - now }
    }

    /// The earlier deadline, moved `milliseconds` sooner: keeps time in
    /// reserve, for example to answer after a dependency gave up.
    package func reserving(milliseconds: Int64) -> Deadline {
        Deadline(epochMilliseconds: epochMilliseconds.map { $0 - milliseconds })
    }

    package var description: String {
        epochMilliseconds.map { "Deadline(\($0) ms)" } ?? "Deadline(none)"
    }
}
