import LambdaRuntime
import Synchronization

/// A log sink that keeps every line, for assertions on what was logged.
package final class CapturingLogSink: LogSink {
    private let storage = Mutex<[String]>([])

    package init() {}

    package func write(line: String) {
        storage.withLock { $0.append(line) }
    }

    package var lines: [String] { storage.withLock { $0 } }

    /// Every captured line joined, for "never logged" assertions.
    package var text: String { lines.joined(separator: "\n") }
}
