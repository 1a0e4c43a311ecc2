import Foundation
import Testing
@testable import CoachingContracts

@Suite("JSON grammar, UTF-8 and escapes")
struct JSONSyntaxTests {
    struct Malformed: Sendable, CustomTestStringConvertible {
        var bytes: [UInt8]
        var kind: JSONSyntaxError.Kind
        var testDescription: String { "\(kind): " + String(decoding: bytes, as: UTF8.self) }

        init(_ text: String, _ kind: JSONSyntaxError.Kind) {
            self.bytes = Array(text.utf8)
            self.kind = kind
        }

        init(bytes: [UInt8], _ kind: JSONSyntaxError.Kind) {
            self.bytes = bytes
            self.kind = kind
        }
    }

    static let malformed: [Malformed] = [
        Malformed("", .emptyInput),
        Malformed("   \n ", .emptyInput),
        Malformed("{", .unexpectedEnd),
        Malformed(#"{"message":"hi""#, .unexpectedEnd),
        Malformed(#"{"message":"hi"#, .unexpectedEnd),
        Malformed(#"{"message":"hi",}"#, .expectedKey),
        Malformed(#"{'message':'hi'}"#, .expectedKey),
        Malformed(#"{message:"hi"}"#, .expectedKey),
        Malformed(#"{"message" "hi"}"#, .expectedColon),
        Malformed(#"{"message":"hi" "topic":"goals"}"#, .expectedCommaOrEnd),
        Malformed(#"{"message":"hi","x":[1,]}"#, .unexpectedCharacter),
        Malformed(#"{"message":"hi","x":[1 2]}"#, .expectedCommaOrEnd),
        Malformed(#"{"message":"hi","x":]}"#, .unexpectedCharacter),
        Malformed(#"{"message":"hi"} {}"#, .trailingCharacters),
        Malformed(#"{"message":"hi"} // comment"#, .trailingCharacters),
        Malformed(#"{"message":tru}"#, .invalidLiteral),
        Malformed(#"{"message":nul}"#, .invalidLiteral),
        Malformed(#"{"message":"hi","x":01}"#, .invalidNumber),
        Malformed(#"{"message":"hi","x":1.}"#, .invalidNumber),
        Malformed(#"{"message":"hi","x":.5}"#, .unexpectedCharacter),
        Malformed(#"{"message":"hi","x":-}"#, .invalidNumber),
        Malformed(#"{"message":"hi","x":+1}"#, .unexpectedCharacter),
        Malformed(#"{"message":"hi","x":1e}"#, .invalidNumber),
        Malformed(#"{"message":"hi","x":NaNa}"#, .expectedCommaOrEnd),
        Malformed(#"{"message":"hi","x":-NaN}"#, .invalidNumber),
        Malformed(#"{"message":"a\x"}"#, .invalidEscape),
        Malformed(#"{"message":"a\u12"}"#, .invalidUnicodeEscape),
        Malformed(#"{"message":"a\ud800"}"#, .invalidUnicodeEscape),
        Malformed(#"{"message":"a\udc00b"}"#, .invalidUnicodeEscape),
        Malformed(#"{"message":"a\ud800\u0041"}"#, .invalidUnicodeEscape),
        Malformed("{\"message\":\"line\nbreak\"}", .controlCharacterInString),
        Malformed("{\"message\":\"tab\there\"}", .controlCharacterInString),
        Malformed(bytes: Array(#"{"message":""#.utf8) + [0xFF] + Array(#""}"#.utf8), .invalidUTF8),
        Malformed(bytes: Array(#"{"message":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8), .invalidUTF8),
        Malformed(bytes: Array(#"{"message":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8), .invalidUTF8),
        Malformed(bytes: Array(#"{"message":""#.utf8) + [0xF0, 0x9F, 0x9A] + Array(#""}"#.utf8), .invalidUTF8),
        Malformed(bytes: Array(#"{"message":"hi","x":""#.utf8) + [0xE2, 0x82] + Array(#""}"#.utf8), .invalidUTF8),
        Malformed(bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"message":"hi"}"#.utf8), .unexpectedCharacter),
    ]

    @Test(arguments: malformed)
    func malformedJSON(_ sample: Malformed) {
        let result = CoachingRequest.validated(json: Data(sample.bytes))
        guard case .failure(.malformedJSON(let error)) = result else {
            Issue.record("expected malformed JSON, got \(result)")
            return
        }
        #expect(error.kind == sample.kind)
    }

    @Test("Errors carry line and column, and become one json_invalid issue")
    func position() {
        let result = CoachingRequest.validated(json: Data("{\n  \"message\": \"hi\",\n  \"topic\": goals\n}".utf8))
        guard case .failure(let failure) = result, case .malformedJSON(let error) = failure else {
            Issue.record("expected malformed JSON, got \(result)")
            return
        }
        #expect(error.line == 3 && error.column == 12)
        #expect(failure.errorCode == "MALFORMED_JSON")
        #expect(failure.issues == [ValidationIssue(loc: [], msg: "Invalid JSON: unexpected character at line 3 column 12", type: "json_invalid")])
    }

    @Test("Escapes decode: quotes, control characters, BMP and astral code points")
    func escapes() throws {
        let request = try CoachingRequest.validate(json: #"{"message":"\"q\" \\ \/ \b\f\n\r\t \u00e9\u4E2D \ud83d\ude80 end"}"#)
        #expect(request.message == "\"q\" \\ / \u{08}\u{0C}\n\r\t é中 🚀 end")
    }

    @Test("Raw UTF-8 of every length is accepted and kept")
    func rawUTF8() throws {
        let request = try CoachingRequest.validate(json: #"{"message":"aé中🚀 — ok"}"#)
        #expect(request.message == "aé中🚀 — ok")
    }

    @Test("Invalid UTF-8 inside an ignored field is still refused")
    func invalidUTF8InUnknownField() {
        let bytes = Array(#"{"message":"hi","ignored":{"k":""#.utf8) + [0xFE] + Array(#""}}"#.utf8)
        guard case .failure(.malformedJSON(let error)) = CoachingRequest.validated(json: Data(bytes)) else {
            Issue.record("expected malformed JSON")
            return
        }
        #expect(error.kind == .invalidUTF8)
    }

    @Test("Keys written with escapes are recognised")
    func escapedKeys() throws {
        let request = try CoachingRequest.validate(json: #"{"mess\u0061ge":"hi","conversation\u005fid":"c-1"}"#)
        #expect(request.message == "hi")
        #expect(request.conversationID == "c-1")
    }

    @Test("Numbers: integers, fractions, exponents, negative zero and correctly rounded decimals")
    func numbers() throws {
        let samples: [(String, Double)] = [
            ("0", 0), ("-0", -0.0), ("42", 42), ("-17.25", -17.25), ("1e3", 1000), ("1E+3", 1000), ("2.5e-3", 0.0025),
            ("0.1", 0.1), ("123456789012345678901234567890", 1.2345678901234568e29), ("9007199254740993", 9_007_199_254_740_992),
            ("1.7976931348623157e308", .greatestFiniteMagnitude), ("5e-324", .leastNonzeroMagnitude), ("1e-400", 0),
            ("0.30000000000000004", 0.30000000000000004), ("3.141592653589793238462643383279", .pi),
        ]
        for (literal, expected) in samples {
            let kpi = try KpiContext.validate(json: #"{"id":"k","name":"n","current_value":\#(literal)}"#)
            #expect(kpi.currentValue == expected, "\(literal)")
            #expect(kpi.currentValue?.sign == expected.sign, "\(literal)")
        }
    }

    @Test("Integral numbers are accepted where an integer is expected")
    func integralNumbers() throws {
        #expect(try CompleteConversationRequest.validate(json: #"{"rating":5.0}"#).rating == 5)
        #expect(try CompleteConversationRequest.validate(json: #"{"rating":4e0}"#).rating == 4)
        #expect(try CompleteConversationRequest.validate(json: #"{"rating":null}"#).rating == nil)
    }
}
