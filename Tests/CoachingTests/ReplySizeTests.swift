import AWSCore
@testable import Coaching
@testable import CoachingStorage
import Essentials
import Foundation
import Testing
import TestSupport

/// Issue 20: the reply was capped by characters, and combining marks made a
/// 7.2 MB reply that made its conversation unreadable (every read over 6 MB).
@Suite struct ReplySizeTests {
    let turn = CoachingTurn(topic: .goals, phase: .exploration, userTurnsInPhase: 0, userMessage: "Hi")

    @Test func repliesAreCappedByUTF8Bytes() throws {
        let heavy = String(repeating: "a" + String(repeating: "\u{301}", count: 900), count: 8_000)
        let model = FakeModel.text(heavy + "\nWhat next?\nSUGGESTIONS: " + String(repeating: "b\u{302}\u{303}", count: 5_000) + " | ok")
        let reply = try ModelCoach(model: model, clock: VirtualTime()).reply(to: turn, deadline: .none)
        #expect(reply.text.utf8.count <= 64 * 1024)
        #expect(!reply.text.isEmpty)
        for suggestion in reply.suggestions { #expect(suggestion.utf8.count <= 1_024) }
        #expect(reply.suggestions.contains("ok"))
    }

    @Test func ordinaryRepliesAreUntouched() throws {
        let text = "Café owners often say their purpose is community. What would yours be?"
        let reply = try ModelCoach(model: FakeModel.text(text), clock: VirtualTime()).reply(to: turn, deadline: .none)
        #expect(reply.text == text)
    }
}
