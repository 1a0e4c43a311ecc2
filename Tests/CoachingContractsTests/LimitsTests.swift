import Foundation
import Testing
@testable import CoachingContracts

@Suite("Size and depth limits")
struct LimitsTests {
    @Test("A body over 1 MiB is refused before parsing: even garbage gives too-large, not malformed")
    func oversizedBody() {
        let garbage = Data(repeating: UInt8(ascii: "{"), count: ContractLimits.standard.maxRequestBytes + 1)
        #expect(CoachingRequest.validated(json: garbage) == .failure(.tooLarge(subject: "request body", limit: 1_048_576)))
        let exact = Data(#"{"message":""#.utf8) + Data(repeating: UInt8(ascii: "a"), count: 1_048_576 - 15) + Data(#"x"}"#.utf8)
        #expect(exact.count == 1_048_576)
        // Exactly 1 MiB passes the size check; the one string in it is then over the parser's string limit...
        #expect(outcome(CoachingRequest.self, String(decoding: exact, as: UTF8.self)) == ["too large"])
        // ...and, with that limit raised, over the message limit.
        #expect(outcome(CoachingRequest.self, String(decoding: exact, as: UTF8.self), limits: ContractLimits(maxStringBytes: 1_048_576))
            == ["message string_too_long"])
    }

    @Test("Nesting deeper than the limit is refused, even inside an ignored field")
    func depthLimit() {
        func nested(_ depth: Int) -> String {
            #"{"message":"hi","extra":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        }
        // The body object is level 1, so 31 nested arrays reach the limit of 32 exactly.
        #expect(outcome(CoachingRequest.self, nested(31)) == ["valid"])
        #expect(outcome(CoachingRequest.self, nested(32)) == ["malformed depthLimitExceeded"])
        #expect(outcome(CoachingRequest.self, nested(100_000)) == ["malformed depthLimitExceeded"])
        let tight = ContractLimits(maxDepth: 3)
        #expect(outcome(BusinessContext.self, #"{"goals":[{"id":"g","title":"t","status":"s"}]}"#, limits: tight) == ["valid"])
        #expect(outcome(BusinessContext.self, #"{"goals":[{"id":"g","title":"t","status":"s","x":{}}]}"#, limits: tight)
            == ["malformed depthLimitExceeded"])
    }

    @Test("A business context over 256 KiB is one too_large issue, whatever its contents")
    func oversizedBusinessContext() throws {
        // Invalid goals inside: their issues are dropped in favour of the size.
        let goal = #"{"id":"g/1","title":"\#(string(repeating: "t", count: 400))","status":"active"}"#
        let goals = Array(repeating: goal, count: 700).joined(separator: ",")
        let body = #"{"message":"hi","business_context":{"goals":[\#(goals)]},"topic":"nope"}"#
        #expect(body.utf8.count > 262_144 && body.utf8.count < 1_048_576)
        let result = CoachingRequest.validated(json: Data(body.utf8))
        guard case .failure(.invalid(let issues)) = result else {
            Issue.record("expected issues, got \(result)")
            return
        }
        #expect(issues.map(summary) == ["business_context too_large", "topic enum"])
        #expect(issues[0].msg.hasSuffix("at most 262144 are accepted"))
        // With a generous limit the same context is read, and its goals' problems surface.
        let generous = ContractLimits(maxBusinessContextBytes: 1_048_576, maxGoals: 1_000)
        let deep = outcome(CoachingRequest.self, body, limits: generous)
        #expect(deep.count == 701)
        #expect(deep.first == "business_context.goals.0.id string_pattern_mismatch")
    }

    @Test("The context size is measured on its raw bytes, whitespace included")
    func contextBytesIncludeWhitespace() {
        let limits = ContractLimits(maxBusinessContextBytes: 35)
        // 33 bytes of context, then 40 with the same value padded.
        let fits = #"{"message":"hi","business_context":{"data_scope":"coaching_context"}}"#
        let padded = #"{"message":"hi","business_context":{"data_scope":       "coaching_context"}}"#
        #expect(outcome(CoachingRequest.self, fits, limits: limits) == ["valid"])
        #expect(outcome(CoachingRequest.self, padded, limits: limits) == ["business_context too_large"])
    }

    @Test("Lists past their cap: one too_long issue with the real count, items past the cap not read")
    func listCaps() {
        let limits = ContractLimits(maxGoals: 2, maxRecentActions: 1, maxKpis: 0)
        let goals = #"[{"id":"a","title":"t","status":"s"},{"id":"b","title":"t","status":"s"},{"id":"c/bad"}]"#
        let json = #"{"goals":\#(goals),"recent_actions":[1,2],"kpis":[{}]}"#
        #expect(outcome(BusinessContext.self, json, limits: limits)
            == ["goals too_long", "recent_actions.0 model_type", "recent_actions too_long", "kpis too_long"])
        let result = BusinessContext.validated(json: Data(json.utf8), limits: limits)
        if case .failure(.invalid(let issues)) = result {
            #expect(issues[0].msg == "List should have at most 2 items after validation, not 3")
        }
    }

    @Test("A string over the parser's limit is too large; a long number literal is malformed")
    func stringAndNumberLimits() {
        let limits = ContractLimits(maxStringBytes: 10)
        #expect(CoachingRequest.validated(json: Data(#"{"message":"hi","x":"01234567890"}"#.utf8), limits: limits)
            == .failure(.tooLarge(subject: "string at byte 21", limit: 10)))
        #expect(outcome(CoachingRequest.self, #"{"message":"hi","x":"0123456789"}"#, limits: limits) == ["valid"])
        let longNumber = "1" + String(repeating: "0", count: 64)
        #expect(outcome(CoachingRequest.self, #"{"message":"hi","x":\#(longNumber)}"#) == ["malformed numberTooLong"])
    }

    @Test("Message length counts characters after trimming, not bytes")
    func messageLength() {
        let emoji = string(repeating: "🚀", count: 4_000)
        #expect(outcome(CoachingRequest.self, #"{"message":"  \#(emoji)  "}"#) == ["valid"])
        #expect(outcome(CoachingRequest.self, #"{"message":"\#(emoji)!"}"#) == ["message string_too_long"])
        #expect(outcome(CoachingRequest.self, #"{"message":"\u00a0\u3000"}"#) == ["message string_too_short"])
    }
}
