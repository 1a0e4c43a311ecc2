import Foundation
import LambdaRuntime
import Testing
import TestSupport

/// Issue 20: the text log format passed raw LF and ESC from request paths and
/// methods (a forged log line, terminal escapes for whoever reads the logs).
@Suite struct LogEscapingTests {
    static let hostile = "GET\u{1B}[2J\n2026-01-01T00:00:00.000Z INFO forged\r\u{7F}\u{9B}31m\u{2028}end\u{0}\r\nlast"

    private func line(_ format: LogFormat) throws -> String {
        let sink = CapturingLogSink()
        let log = Logger(service: "coaching", format: format, sink: sink, clock: { 0 }).with("path\u{1B}", .string(Self.hostile))
        log.info("request \(Self.hostile)", ["method": .string(Self.hostile), "key\n": 1])
        return try #require(sink.lines.first)
    }

    private func expectNoControls(_ line: String) {
        for scalar in line.unicodeScalars {
            let value = scalar.value
            #expect(!(value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029),
                    "raw U+\(String(value, radix: 16)) in \(line.debugDescription)")
        }
    }

    @Test func theTextFormatEscapesControlsInEveryField() throws {
        let text = try line(.text)
        expectNoControls(text)
        #expect(text.contains("\\u001b[2J"))
        #expect(text.contains("\\n2026-01-01T00:00:00.000Z INFO forged"))
        #expect(!text.contains("\n"))
    }

    @Test func theJSONFormatEscapesControlsInEveryFieldAndStaysJSON() throws {
        let json = try line(.json)
        expectNoControls(json)
        let decoded = try JSONDecoder().decode([String: LooseValue].self, from: Data(json.utf8))
        #expect(decoded["method"] == .string(Self.hostile))
        #expect(decoded["path\u{1B}"] == .string(Self.hostile))
    }

    enum LooseValue: Decodable, Equatable {
        case string(String), number(Double), other
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .string(text) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else { self = .other }
        }
    }
}
