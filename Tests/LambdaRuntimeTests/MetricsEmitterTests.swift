import Foundation
import LambdaRuntime
import Testing
import TestSupport

/// The Embedded Metric Format shape CloudWatch requires.
@Suite struct MetricsEmitterTests {
    private struct Record: Decodable {
        struct AWS: Decodable {
            var timestamp: Int64
            var cloudWatchMetrics: [Directive]
            enum CodingKeys: String, CodingKey {
                case timestamp = "Timestamp", cloudWatchMetrics = "CloudWatchMetrics"
            }
        }
        struct Directive: Decodable {
            var namespace: String
            var dimensions: [[String]]
            var metrics: [Metric]
            enum CodingKeys: String, CodingKey {
                case namespace = "Namespace", dimensions = "Dimensions", metrics = "Metrics"
            }
        }
        struct Metric: Decodable, Equatable {
            var name: String
            var unit: String
            enum CodingKeys: String, CodingKey {
                case name = "Name", unit = "Unit"
            }
        }
        var aws: AWS
        var service: String
        var route: String?
        var requestId: String?
        var latency: Double?
        var tokens: Double?
        enum CodingKeys: String, CodingKey {
            case aws = "_aws", service, route, requestId, latency = "RequestLatency", tokens = "ModelInputTokens"
        }
    }

    @Test func recordsFollowTheEmbeddedMetricFormat() throws {
        let sink = CapturingLogSink()
        let emitter = MetricsEmitter(namespace: "PurposePath/Coaching", service: "coaching", sink: sink, clock: { 1_700_000_000_000 })
        emitter.emit(
            [MetricValue("RequestLatency", 12.5, unit: .milliseconds), MetricValue("ModelInputTokens", 321, unit: .count)],
            dimensions: ["route": "POST /api/v1/coaching/chat"],
            properties: ["requestId": "r-1"]
        )
        let record = try JSONDecoder().decode(Record.self, from: Data(try #require(sink.lines.first).utf8))
        #expect(record.aws.timestamp == 1_700_000_000_000)
        let directive = try #require(record.aws.cloudWatchMetrics.first)
        #expect(directive.namespace == "PurposePath/Coaching")
        #expect(directive.dimensions == [["service", "route"]])
        #expect(directive.metrics == [.init(name: "RequestLatency", unit: "Milliseconds"), .init(name: "ModelInputTokens", unit: "Count")])
        #expect(record.service == "coaching")
        #expect(record.route == "POST /api/v1/coaching/chat")
        #expect(record.requestId == "r-1")
        #expect(record.latency == 12.5)
        #expect(record.tokens == 321)
    }

    /// Lambda's documented filter for JSON lines from custom runtimes: the `level`
    /// key, INFO when missing or not a level name, kept when at or above the
    /// application log level.
    private static func lambdaKeeps(_ line: String, applicationLogLevel: LogLevel) throws -> Bool {
        struct Levelled: Decodable { var level: String? }
        let named = try JSONDecoder().decode(Levelled.self, from: Data(line.utf8)).level
        let level = named.flatMap { ["TRACE": LogLevel.trace, "DEBUG": .debug, "INFO": .info, "WARN": .warn, "ERROR": .error, "FATAL": .fatal][$0.uppercased()] } ?? .info
        return level >= applicationLogLevel
    }

    @Test(arguments: LogLevel.allCases)
    func recordsSurviveEveryApplicationLogLevel(_ applicationLogLevel: LogLevel) throws {
        let sink = CapturingLogSink()
        MetricsEmitter(namespace: "PurposePath/Coaching", service: "coaching", sink: sink)
            .emit([MetricValue("RequestLatency", 3, unit: .milliseconds)], dimensions: ["route": "GET /api/v1/health"])
        let line = try #require(sink.lines.first)
        #expect(try Self.lambdaKeeps(line, applicationLogLevel: applicationLogLevel))
        // The oracle does drop what it should: an unlevelled record at WARN and above.
        let unlevelled = line.replacingOccurrences(of: #""level":"FATAL","#, with: "")
        #expect(unlevelled != line)
        #expect(try Self.lambdaKeeps(unlevelled, applicationLogLevel: applicationLogLevel) == (applicationLogLevel <= .info))
    }

    @Test func emptyRecordsAreNotWritten() {
        let sink = CapturingLogSink()
        MetricsEmitter(namespace: "n", service: "s", sink: sink).emit([])
        #expect(sink.lines.isEmpty)
    }

    @Test func nonFiniteValuesStillGiveValidJSON() throws {
        let sink = CapturingLogSink()
        MetricsEmitter(namespace: "n", service: "s", sink: sink).emit([MetricValue("X", .infinity, unit: .none)])
        #expect(sink.lines[0].hasSuffix(#""X":0}"#))
    }
}
