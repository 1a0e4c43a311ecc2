import Foundation

/// A counter that concurrent test threads can bump.
public final class ThreadSafeCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    public init() {}

    public func increment() { lock.withLock { count += 1 } }
    public var value: Int { lock.withLock { count } }
}
