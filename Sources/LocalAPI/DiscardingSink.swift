import LambdaRuntime

/// A log sink that writes nothing: the local server keeps CloudWatch EMF
/// metric records out of the developer's terminal.
package struct DiscardingSink: LogSink {
    package init() {}

    package func write(line: String) {}
}
