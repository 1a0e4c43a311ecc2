import Essentials
import Foundation
import LambdaRuntime
import Testing
import TestSupport

@Suite struct LoggerTests {
    private struct LogLine: Decodable {
        var timestamp: String
        var level: String
        var message: String
        var service: String
        var requestId: String?
        var count: Int?

        enum CodingKeys: String, CodingKey {
            case timestamp, level, message, service, requestId, count
        }
    }

    private func logger(_ environment: Environment, sink: CapturingLogSink) -> Logger {
        Logger(service: "coaching", environment: environment, sink: sink)
    }

    @Test func jsonLinesCarryTheStandardKeys() throws {
        let sink = CapturingLogSink()
        let log = Logger(service: "coaching", sink: sink, clock: { 1_795_302_881_123 }).with("requestId", "abc")
        log.info("started", ["count": 3])
        let line = try #require(sink.lines.first)
        let decoded = try JSONDecoder().decode(LogLine.self, from: Data(line.utf8))
        #expect(decoded.timestamp == "2026-11-21T23:14:41.123Z")
        #expect(decoded.level == "INFO")
        #expect(decoded.message == "started")
        #expect(decoded.service == "coaching")
        #expect(decoded.requestId == "abc")
        #expect(decoded.count == 3)
        #expect(line.hasPrefix(#"{"timestamp":"#))
    }

    @Test func messagesAreEscapedIntoValidJSON() throws {
        let sink = CapturingLogSink()
        Logger(service: "s", sink: sink).warn("quote \" backslash \\ newline \n tab \t bell \u{07} é")
        let decoded = try JSONDecoder().decode(LogLine.self, from: Data(try #require(sink.lines.first).utf8))
        #expect(decoded.message == "quote \" backslash \\ newline \n tab \t bell \u{07} é")
    }

    @Test(arguments: [
        ("TRACE", 6), ("DEBUG", 5), ("INFO", 4), ("WARN", 3), ("ERROR", 2), ("FATAL", 1), (nil, 4), ("bogus", 4),
    ] as [(String?, Int)])
    func levelFilteringHonoursTheEnvironment(level: String?, expectedLines: Int) {
        let sink = CapturingLogSink()
        var environment: Environment = [:]
        if let level { environment.values["AWS_LAMBDA_LOG_LEVEL"] = level }
        let log = logger(environment, sink: sink)
        log.trace("t"); log.debug("d"); log.info("i"); log.warn("w"); log.error("e"); log.fatal("f")
        #expect(sink.lines.count == expectedLines)
    }

    @Test func textFormatIsOneReadableLine() throws {
        let sink = CapturingLogSink()
        let log = logger(["AWS_LAMBDA_LOG_FORMAT": "Text"], sink: sink).with("requestId", "r1")
        log.error("two\nlines", ["status": 500])
        let line = try #require(sink.lines.first)
        #expect(!line.hasPrefix("{"))
        #expect(line.contains(#"ERROR two\nlines requestId=r1 status=500"#))
        #expect(!line.contains("\n"))
    }

    @Test func formatDefaultsToJSON() {
        #expect(LogFormat(environmentValue: nil) == .json)
        #expect(LogFormat(environmentValue: "JSON") == .json)
        #expect(LogFormat(environmentValue: "text") == .text)
    }

    @Test func disabledLevelsDoNotEvaluateTheMessage() {
        let sink = CapturingLogSink()
        let log = Logger(service: "s", minimumLevel: .error, sink: sink)
        var evaluated = false
        log.debug({ evaluated = true; return "expensive" }())
        #expect(!evaluated)
        #expect(sink.lines.isEmpty)
    }

    @Test func laterMetadataReplacesEarlier() {
        let sink = CapturingLogSink()
        Logger(service: "s", sink: sink).with("k", "1").with("k", "2").info("m", ["k": "3"])
        let line = sink.lines[0]
        #expect(line.components(separatedBy: "\"k\"").count == 2)
        #expect(line.contains(#""k":"3""#))
    }

    @Test func addingSeveralFieldsAtOnceEqualsChaining() {
        let chained = CapturingLogSink(), batched = CapturingLogSink()
        let base = Logger(service: "s", clock: { 0 }).with("requestId", "old").with("keep", "k")
        var first = base, second = base
        first.sink = chained
        second.sink = batched
        first.with("requestId", "r").with("traceId", nil).with("cold_start", .bool(true)).info("m")
        second.with(["requestId": "r", "traceId": nil, "cold_start": .bool(true)]).info("m")
        #expect(chained.lines == batched.lines)
        #expect(batched.lines.first?.contains(#""keep":"k","requestId":"r","cold_start":true}"#) == true)
    }

    @Test func timestampsAreRFC3339WithMilliseconds() {
        #expect(UTCDateTime(epochMilliseconds: 0).iso8601 == "1970-01-01T00:00:00.000Z")
        #expect(UTCDateTime(epochMilliseconds: 951_782_400_007).iso8601 == "2000-02-29T00:00:00.007Z")
    }
}
