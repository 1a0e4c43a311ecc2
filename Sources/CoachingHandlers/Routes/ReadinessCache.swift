import Synchronization

/// The last readiness probe's answer, reused for a few seconds: anonymous
/// `GET /health/ready` calls must not each cost reads of both tables.
final class ReadinessCache: Sendable {
    /// How long an answer is reused.
    static let reuseMilliseconds: Int64 = 5_000

    private let last = Mutex<(checkedAt: Int64, ready: Bool)?>(nil)

    /// The cached answer when it is recent, else `probe`'s (then cached).
    func ready(now: Int64, probe: () -> Bool) -> Bool {
        if let cached = last.withLock({ $0 }), now >= cached.checkedAt, now - cached.checkedAt < Self.reuseMilliseconds {
            return cached.ready
        }
        let ready = probe()
        last.withLock { $0 = (now, ready) }
        return ready
    }
}
