import Foundation

/// A counter that concurrent test threads can bump.
package final class ThreadSafeCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    package init() {}

    package func increment() { lock.withLock { count += 1 } }
    package var value: Int { lock.withLock { count } }
}
