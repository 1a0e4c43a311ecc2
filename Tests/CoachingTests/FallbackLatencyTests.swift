@testable import Coaching
import Essentials
import Testing
import TestSupport

/// A coach that takes `milliseconds` of (virtual) time and then fails.
private struct SlowFailingCoach: Coach {
    let clock: VirtualTime
    let milliseconds: Int64

    func reply(to turn: CoachingTurn, deadline: Deadline) throws(CoachError) -> CoachReply {
        clock.advance(milliseconds: milliseconds)
        throw .unavailable("timed out")
    }
}

/// Issue 20: fallback turns reported a model latency of 0, hiding the time
/// the owner waited for the model that failed.
@Suite struct FallbackLatencyTests {
    @Test func aFallbackReplyCountsTheFailingModelsTime() throws {
        let clock = VirtualTime(startEpochMilliseconds: 1_795_305_600_000)
        let coach = FallbackCoach(primary: SlowFailingCoach(clock: clock, milliseconds: 1_500), fallback: OfflineCoach(clock: clock))
        let reply = try coach.reply(to: CoachingTurn(topic: .goals, phase: .exploration, userTurnsInPhase: 0, userMessage: "Hi"), deadline: .none)
        #expect(reply.fallback)
        #expect(reply.latencyMilliseconds >= 1_500)
    }
}
