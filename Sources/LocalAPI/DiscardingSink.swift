import LambdaRuntime

/// A log sink that writes nothing: the local server keeps CloudWatch EMF
/// metric records out of the developer's terminal.
public struct DiscardingSink: LogSink {
    public init() {}

    public func write(line: String) {}
}
