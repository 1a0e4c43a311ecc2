import Foundation
import Testing
@testable import CoachingContracts

@Suite("ISO-8601 dates")
struct DateParsingTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        var text: String
        var epoch: Double
        var hasTime: Bool
        var testDescription: String { text }
    }

    static let valid: [Valid] = [
        Valid(text: "2025-10-01T12:00:00Z", epoch: 1_759_320_000, hasTime: true),
        Valid(text: "2025-10-01T12:00:00z", epoch: 1_759_320_000, hasTime: true),
        Valid(text: "2025-10-01t12:00:00Z", epoch: 1_759_320_000, hasTime: true),
        Valid(text: "2025-10-01 12:00:00Z", epoch: 1_759_320_000, hasTime: true),
        Valid(text: "2025-10-01T12:00:00.5Z", epoch: 1_759_320_000.5, hasTime: true),
        Valid(text: "2025-10-01T12:00:00.123Z", epoch: 1_759_320_000.123, hasTime: true),
        Valid(text: "2025-10-01T12:00:00.123456789Z", epoch: 1_759_320_000.123456789, hasTime: true),
        Valid(text: "2025-10-01T14:00:00+02:00", epoch: 1_759_320_000, hasTime: true),
        Valid(text: "2025-10-01T14:00:00+0200", epoch: 1_759_320_000, hasTime: true),
        Valid(text: "2025-10-01T06:30:00-05:30", epoch: 1_759_320_000, hasTime: true),
        Valid(text: "2025-10-01T12:00:00", epoch: 1_759_320_000, hasTime: true),
        Valid(text: "2025-10-01", epoch: 1_759_276_800, hasTime: false),
        Valid(text: "2024-02-29", epoch: 1_709_164_800, hasTime: false),
        Valid(text: "2000-02-29T00:00:00Z", epoch: 951_782_400, hasTime: true),
        Valid(text: "1969-12-31T23:59:59Z", epoch: -1, hasTime: true),
        Valid(text: "0001-01-01", epoch: -62_135_596_800, hasTime: false),
        Valid(text: "9999-12-31T23:59:59Z", epoch: 253_402_300_799, hasTime: true),
    ]

    @Test(arguments: valid)
    func parses(_ sample: Valid) throws {
        let date = try #require(ContractDate(iso8601: sample.text))
        #expect(abs(date.date.timeIntervalSince1970 - sample.epoch) < 1e-6)
        #expect(date.hasTime == sample.hasTime)
        #expect(date.text == sample.text)
    }

    @Test(arguments: [
        "", "2025", "2025-10", "2025-1-01", "2025-10-1", "25-10-01", "2025/10/01", "2025-00-10", "2025-13-01",
        "2025-02-29", "1900-02-29", "2025-04-31", "0000-01-01", "2025-10-01T", "2025-10-01T12", "2025-10-01T12:00",
        "2025-10-01T24:00:00Z", "2025-10-01T12:60:00Z", "2025-10-01T12:00:60Z", "2025-10-01T12:00:00.Z",
        "2025-10-01T12:00:00.1234567890Z", "2025-10-01T12:00:00+2", "2025-10-01T12:00:00+24:00", "2025-10-01T12:00:00+02:60",
        "2025-10-01T12:00:00ZZ", "2025-10-01T12:00:00 Z", "2025-10-01X12:00:00Z", " 2025-10-01", "2025-10-01 ", "２０２５-10-01",
    ])
    func rejects(_ text: String) {
        #expect(ContractDate(iso8601: text) == nil)
    }

    @Test("Formatting writes UTC with milliseconds, and reads back to the same instant")
    func formatting() throws {
        for epoch in [0.0, 1_759_320_000.123, -86_400.5, 951_782_400, 253_402_300_799.999] {
            let formatted = ContractDate(Date(timeIntervalSince1970: epoch))
            let parsed = try #require(ContractDate(iso8601: formatted.text))
            #expect(abs(parsed.date.timeIntervalSince1970 - epoch) < 0.001, "\(formatted.text)")
        }
        #expect(ContractDate(Date(timeIntervalSince1970: 0)).text == "1970-01-01T00:00:00.000Z")
        #expect(ContractDate(Date(timeIntervalSince1970: -0.5)).text == "1969-12-31T23:59:59.500Z")
        #expect(ContractDate(Date(timeIntervalSince1970: .nan)).text == "1970-01-01T00:00:00.000Z")
        #expect(ContractDate(.distantFuture).text == "4001-01-01T00:00:00.000Z")
        #expect(ContractDate(Date(timeIntervalSince1970: 1e15)).text == "9999-12-31T23:59:59.999Z")
        #expect(ContractDate(.distantPast).text == "0001-01-01T00:00:00.000Z")
    }

    @Test("Decodable reads the same forms and rejects the others")
    func decodable() throws {
        let date = try JSONDecoder().decode(ContractDate.self, from: Data(#""2025-10-01T14:00:00+02:00""#.utf8))
        #expect(date.date == Date(timeIntervalSince1970: 1_759_320_000))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ContractDate.self, from: Data(#""tomorrow""#.utf8)) }
    }

    @Test("The issue message says what is wrong")
    func issueMessage() {
        let result = GoalContext.validated(json: Data(#"{"id":"g","title":"t","status":"s","due_date":"2025-02-30"}"#.utf8))
        guard case .failure(.invalid(let issues)) = result else {
            Issue.record("expected issues, got \(result)")
            return
        }
        #expect(issues == [ValidationIssue(loc: ["due_date"], msg: "Input should be a valid datetime or date, day value is outside expected range",
                                           type: "datetime_parsing")])
    }
}
