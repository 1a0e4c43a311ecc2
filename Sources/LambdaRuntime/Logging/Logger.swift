import Essentials
/// Structured logging for the Lambda environment.
///
/// JSON format writes one object per line with the keys Lambda's advanced
/// logging and CloudWatch Logs Insights expect (`timestamp`, `level`,
/// `message`, `service`, `requestId`, `traceId`, `cold_start`, then any
/// metadata). Lines below ``minimumLevel`` are dropped here, in both formats.
///
/// Never pass message text, prompts, business context or credentials at
/// `info` or above: metadata is for identifiers and measurements.
package struct Logger: Sendable {
    package var minimumLevel: LogLevel
    package var format: LogFormat
    package var service: String
    package var sink: any LogSink
    /// Metadata written on every line, in order (request id, trace id ...).
    package private(set) var metadata: [(key: String, value: LogValue)]
    private var clock: @Sendable () -> Int64

    package init(
        service: String,
        minimumLevel: LogLevel = .info,
        format: LogFormat = .json,
        sink: any LogSink = StandardErrorSink(),
        clock: @escaping @Sendable () -> Int64 = SystemClock.nowEpochMilliseconds
    ) {
        self.service = service
        self.minimumLevel = minimumLevel
        self.format = format
        self.sink = sink
        self.metadata = []
        self.clock = clock
    }

    /// A logger configured from `AWS_LAMBDA_LOG_LEVEL` and `AWS_LAMBDA_LOG_FORMAT`.
    package init(service: String, environment: Environment, sink: any LogSink = StandardErrorSink()) {
        self.init(
            service: service,
            minimumLevel: environment["AWS_LAMBDA_LOG_LEVEL"].flatMap(LogLevel.init(name:)) ?? .info,
            format: LogFormat(environmentValue: environment["AWS_LAMBDA_LOG_FORMAT"]),
            sink: sink
        )
    }

    /// A copy that adds (or replaces) `key` on every line.
    package func with(_ key: String, _ value: LogValue?) -> Logger {
        var copy = self
        copy.metadata.removeAll { $0.key == key }
        if let value { copy.metadata.append((key, value)) }
        return copy
    }

    /// A copy that adds (or replaces) each of `fields`, in order, as one step: the
    /// same result as chaining ``with(_:_:)`` for distinct keys, with one copy.
    package func with(_ fields: KeyValuePairs<String, LogValue?>) -> Logger {
        var copy = self
        if !copy.metadata.isEmpty {
            copy.metadata.removeAll { entry in fields.contains { $0.key == entry.key } }
        }
        for case let (key, value?) in fields { copy.metadata.append((key, value)) }
        return copy
    }

    func isEnabled(_ level: LogLevel) -> Bool { level >= minimumLevel }

    package func log(_ level: LogLevel, _ message: @autoclosure () -> String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        guard isEnabled(level) else { return }
        sink.write(line: render(level, message(), fields))
    }

    package func trace(_ message: @autoclosure () -> String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        log(.trace, message(), fields)
    }

    package func debug(_ message: @autoclosure () -> String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        log(.debug, message(), fields)
    }

    package func info(_ message: @autoclosure () -> String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        log(.info, message(), fields)
    }

    package func warn(_ message: @autoclosure () -> String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        log(.warn, message(), fields)
    }

    package func error(_ message: @autoclosure () -> String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        log(.error, message(), fields)
    }

    package func fatal(_ message: @autoclosure () -> String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        log(.fatal, message(), fields)
    }

    func render(_ level: LogLevel, _ message: String, _ fields: KeyValuePairs<String, LogValue>) -> String {
        let timestamp = UTCDateTime(epochMilliseconds: clock()).iso8601
        switch format {
        case .json:
            var line = "{\"timestamp\":\"\(timestamp)\",\"level\":\"\(level.name)\",\"message\":"
            JSONText.appendQuoted(message, to: &line)
            line += ",\"service\":"
            JSONText.appendQuoted(service, to: &line)
            for (key, value) in metadata where !fields.contains(where: { $0.key == key }) {
                line += ","
                JSONText.appendQuoted(key, to: &line)
                line += ":"
                value.appendJSON(to: &line)
            }
            for (key, value) in fields {
                line += ","
                JSONText.appendQuoted(key, to: &line)
                line += ":"
                value.appendJSON(to: &line)
            }
            line += "}"
            return line
        case .text:
            // Every field escaped: a newline would otherwise start a forged
            // CloudWatch event, and ESC drive the terminal of whoever reads it.
            var line = "\(timestamp) \(level.name) "
            JSONText.appendEscaped(message, to: &line)
            for (key, value) in metadata where !fields.contains(where: { $0.key == key }) {
                appendTextField(key, value, to: &line)
            }
            for (key, value) in fields { appendTextField(key, value, to: &line) }
            return line
        }
    }

    private func appendTextField(_ key: String, _ value: LogValue, to line: inout String) {
        line += " "
        JSONText.appendEscaped(key, to: &line)
        line += "="
        JSONText.appendEscaped(value.description, to: &line)
    }
}
