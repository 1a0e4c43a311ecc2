import Essentials
/// Units CloudWatch accepts in Embedded Metric Format records.
package enum MetricUnit: String, Sendable {
    case count = "Count"
    case milliseconds = "Milliseconds"
    case microseconds = "Microseconds"
    case bytes = "Bytes"
    case percent = "Percent"
    case none = "None"
}

/// One metric value in an EMF record.
package struct MetricValue: Sendable, Equatable {
    package var name: String
    package var unit: MetricUnit
    package var value: Double

    package init(_ name: String, _ value: Double, unit: MetricUnit) {
        self.name = name
        self.value = value
        self.unit = unit
    }
}

/// Writes CloudWatch Embedded Metric Format records: one JSON log line per
/// record, which CloudWatch turns into metrics without any API call.
///
/// Every record has the `service` dimension; callers may add more (for
/// example `route`). Records go to the same unbuffered stream as the logs.
///
/// Every record carries `"level":"FATAL"`. Lambda's log-level filtering (JSON
/// log format) reads the `level` key of each line, treats a missing or unknown
/// one as INFO, and drops lines below the function's application log level:
/// at WARN or above an unlevelled record, and so every metric and the alarms
/// built on them, would disappear. FATAL is the only level no setting filters.
/// Records are told apart from log lines by their `_aws` key.
package struct MetricsEmitter: Sendable {
    /// The `level` every record carries: one no application log level filters out.
    package static let recordLevel = LogLevel.fatal

    package var namespace: String
    package var service: String
    package var sink: any LogSink
    private var clock: @Sendable () -> Int64

    package init(
        namespace: String,
        service: String,
        sink: any LogSink = StandardErrorSink(),
        clock: @escaping @Sendable () -> Int64 = SystemClock.nowEpochMilliseconds
    ) {
        self.namespace = namespace
        self.service = service
        self.sink = sink
        self.clock = clock
    }

    /// Emits one record holding `values`, with `dimensions` added to `service`
    /// and `properties` as searchable, non-metric keys (a request id, say).
    package func emit(
        _ values: [MetricValue],
        dimensions: KeyValuePairs<String, String> = [:],
        properties: KeyValuePairs<String, LogValue> = [:]
    ) {
        emit(values, dimensions: dimensions, properties: properties.map { ($0.key, $0.value) })
    }

    /// ``emit(_:dimensions:properties:)`` with properties built at run time.
    package func emit(_ values: [MetricValue], dimensions: KeyValuePairs<String, String> = [:], properties: [(String, LogValue)]) {
        guard !values.isEmpty else { return }
        sink.write(line: render(values, dimensions: dimensions, properties: properties))
    }

    func render(_ values: [MetricValue], dimensions: KeyValuePairs<String, String>, properties: [(String, LogValue)]) -> String {
        var line = "{\"_aws\":{\"Timestamp\":\(clock()),\"CloudWatchMetrics\":[{\"Namespace\":"
        JSONText.appendQuoted(namespace, to: &line)
        line += ",\"Dimensions\":[["
        line += (["service"] + dimensions.map(\.key)).map(JSONText.quoted).joined(separator: ",")
        line += "]],\"Metrics\":["
        line += values.map { "{\"Name\":\(JSONText.quoted($0.name)),\"Unit\":\"\($0.unit.rawValue)\"}" }.joined(separator: ",")
        line += "]}]},\"level\":\"\(Self.recordLevel.name)\",\"service\":"
        JSONText.appendQuoted(service, to: &line)
        for (key, value) in dimensions {
            line += ",\(JSONText.quoted(key)):\(JSONText.quoted(value))"
        }
        for (key, value) in properties {
            line += ",\(JSONText.quoted(key)):"
            value.appendJSON(to: &line)
        }
        for value in values {
            line += ",\(JSONText.quoted(value.name)):\(JSONText.number(value.value))"
        }
        line += "}"
        return line
    }
}
