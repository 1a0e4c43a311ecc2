import Synchronization

/// The retry token bucket of the standard retry mode: during an outage
/// retries stop once the bucket is empty, instead of multiplying the load.
/// One per client (``AWSClientDependencies`` makes a fresh one), as botocore
/// keeps one per client; shared by every client made with the same instance.
package final class RetryQuota: Sendable {
    /// Tokens a retry after a throttling error costs.
    static let throttlingRetryCost = 5
    /// Tokens a retry after any other retryable error costs.
    static let transientRetryCost = 14
    /// Tokens a success on the first attempt gives back.
    static let successIncrement = 1

    package let capacity: Int
    private let tokens: Mutex<Int>

    package init(capacity: Int = 500) {
        self.capacity = capacity
        tokens = Mutex(capacity)
    }

    /// Tokens left.
    package var available: Int { tokens.withLock { $0 } }

    /// The cost of a retry after an error of `kind`.
    package static func cost(of kind: RetryKind) -> Int {
        kind == .throttling ? throttlingRetryCost : transientRetryCost
    }

    /// Takes `amount` tokens; `false` (and nothing taken) when too few are left.
    package func acquire(_ amount: Int) -> Bool {
        tokens.withLock { available in
            guard available >= amount else { return false }
            available -= amount
            return true
        }
    }

    /// Gives back `amount` tokens, never above ``capacity``.
    package func release(_ amount: Int) {
        tokens.withLock { available in available = min(capacity, available + amount) }
    }
}
