import AWSCore
@testable import Coaching
@testable import CoachingStorage
import CoachingContracts
import Essentials
import Foundation
import Testing
import TestSupport

/// A coach whose model reports absurd token counts on every call.
private final class GreedyCoach: Coach {
    func reply(to turn: CoachingTurn, deadline: Deadline) throws(CoachError) -> CoachReply {
        CoachReply(text: "What else?", followUpQuestion: "What else?", model: "greedy",
                   usage: ModelUsage(inputTokens: .max, outputTokens: .max))
    }
}

/// Reported issue 20: `usage.prompt_tokens = Int.max` made the next turn trap on `+`.
@Suite struct UsageOverflowTests {
    @Test(arguments: StoreKind.allCases)
    func absurdUsageNeverTrapsLaterTurns(kind: StoreKind) throws {
        let clock = VirtualTime(startEpochMilliseconds: Records.now)
        let store = try kind.make(clock: clock)
        let service = CoachingService.testing(store: store, coach: GreedyCoach(), clock: clock)
        let started = try service.start(Callers.alice, .init(topic: .coreValues), deadline: .none)
        var outcome: TurnOutcome?
        for turn in 1...3 {
            outcome = try service.takeTurn(Callers.alice, TurnRequest(
                conversationID: started.conversation.conversationID, message: "Turn \(turn): we keep our promises"
            ), deadline: .none)
        }
        let tokens = try #require(outcome).conversation.tokens
        #expect(tokens.inputTokens > 0 && tokens.inputTokens < Int.max / 2)
        let session = try service.session(Callers.alice, sessionID: started.conversation.sessionID, deadline: .none)
        #expect(session.tokens.outputTokens > 0 && session.tokens.outputTokens < Int.max / 2)
        #expect(session.estimatedCostUSD.isFinite)
    }

    @Test func totalsAlreadyStoredAreRepairedOnRead() {
        var conversation = ConversationItem(Records.conversation())
        conversation.inputTokens = .max
        conversation.outputTokens = -7
        let repaired = conversation.record.tokens
        #expect(repaired.inputTokens < Int.max / 2)
        #expect(repaired.outputTokens == 0)
        #expect((repaired + ModelUsage(inputTokens: .max, outputTokens: 1)).inputTokens == repaired.inputTokens)
    }
}
