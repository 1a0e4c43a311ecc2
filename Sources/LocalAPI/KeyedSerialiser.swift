import Synchronization

/// Runs work one at a time per key, in parallel across keys: requests that
/// change the same conversation wait for each other, others do not.
final class KeyedSerialiser: Sendable {
    private final class Slot: Sendable {
        let mutex = Mutex(())
    }

    /// Each key's slot and how many callers hold or wait for it; a slot is
    /// dropped when the last one leaves, so the table stays small.
    private let slots = Mutex<[String: (slot: Slot, users: Int)]>([:])

    /// Runs `body`, after any earlier work for `key` has finished; right away when `key` is `nil`.
    func run<Result: Sendable>(key: String?, _ body: () -> Result) -> Result {
        guard let key else { return body() }
        let slot = slots.withLock { table -> Slot in
            let entry = table[key] ?? (Slot(), 0)
            table[key] = (entry.slot, entry.users + 1)
            return entry.slot
        }
        defer {
            slots.withLock { table in
                guard let entry = table[key] else { return }
                table[key] = entry.users > 1 ? (entry.slot, entry.users - 1) : nil
            }
        }
        return slot.mutex.withLock { _ in body() }
    }

    /// Keys currently held or waited for (tests).
    var activeKeys: Int { slots.withLock { $0.count } }
}
