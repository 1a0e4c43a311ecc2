import LambdaRuntime
import Synchronization

/// A log sink that keeps every line, for assertions on what was logged.
public final class CapturingLogSink: LogSink {
    private let storage = Mutex<[String]>([])

    public init() {}

    public func write(line: String) {
        storage.withLock { $0.append(line) }
    }

    public var lines: [String] { storage.withLock { $0 } }

    /// Every captured line joined, for "never logged" assertions.
    public var text: String { lines.joined(separator: "\n") }
}
