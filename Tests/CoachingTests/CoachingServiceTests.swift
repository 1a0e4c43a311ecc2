import AWSCore
@testable import Coaching
import CoachingContracts
@testable import CoachingStorage
import Foundation
import LanguageModels
import Testing
import TestSupport

@Suite struct CoachingServiceTests {
    @Test func startingOpensWithTheTopicsQuestion() throws {
        let store = InMemoryConversationStore(clock: VirtualTime(startEpochMilliseconds: Records.now))
        let service = CoachingService.testing(store: store)
        let context = BusinessContext(user: UserContext(id: "alice", name: "Alice", email: "a@example.com"))
        let started = try service.start(Callers.alice, .init(topic: .purpose, businessContext: context), deadline: .none)
        #expect(started.conversation.status == .active)
        #expect(started.conversation.phase == .introduction)
        #expect(started.conversation.messageCount == 1)
        #expect(started.opening.seq == 1)
        #expect(started.opening.role == .assistant)
        #expect(started.opening.content.hasPrefix("Hi Alice."))
        #expect(started.opening.content.hasSuffix(TopicCatalog.definition(for: .purpose).openingQuestion))
        let session = try service.session(Callers.alice, sessionID: started.conversation.sessionID, deadline: .none)
        #expect(session.conversationID == started.conversation.conversationID)
        #expect(session.topic == .purpose)
    }

    @Test func aTurnStoresBothMessagesAndAdvancesThePhase() throws {
        let coach = ScriptedCoach()
        let service = CoachingService.testing(coach: coach, settings: CoachingSettings(inputCostPerMillionTokens: 3, outputCostPerMillionTokens: 15))
        let started = try service.start(Callers.alice, .init(topic: .coreValues), deadline: .none)
        let outcome = try service.takeTurn(Callers.alice, TurnRequest(
            conversationID: started.conversation.conversationID, message: "We refunded a customer even though it cost us a lot"
        ), deadline: .none)
        #expect(outcome.userMessage.seq == 2)
        #expect(outcome.assistantMessage.seq == 3)
        #expect(outcome.assistantMessage.reply?.model == "scripted")
        #expect(outcome.conversation.phase == .exploration)
        #expect(outcome.conversation.userTurnsInPhase == 0)
        #expect(outcome.conversation.version == 2)
        #expect(outcome.conversation.tokens == ModelUsage(inputTokens: 100, outputTokens: 20))
        #expect(outcome.conversation.estimatedCostUSD == 0.0006)
        #expect(coach.turns.first?.phase == .introduction)
        #expect(coach.turns.first?.allowedPhase == .exploration)
        let session = try service.session(Callers.alice, sessionID: started.conversation.sessionID, deadline: .none)
        #expect(session.tokens == ModelUsage(inputTokens: 100, outputTokens: 20))
        #expect(session.model == "scripted")
        let (_, messages) = try service.conversation(Callers.alice, conversationID: started.conversation.conversationID, messages: PageRequest(limit: 10), deadline: .none)
        #expect(messages.items.map(\.role) == [.assistant, .user, .assistant])
    }

    @Test func aCoachThatJudgesThePhaseGoalUnmetHoldsThePhase() throws {
        let service = CoachingService.testing(coach: ScriptedCoach(goalMet: false))
        let started = try service.start(Callers.alice, .init(topic: .coreValues), deadline: .none)
        let outcome = try service.takeTurn(Callers.alice, TurnRequest(conversationID: started.conversation.conversationID, message: "Hmm"), deadline: .none)
        #expect(outcome.conversation.phase == .introduction)
        #expect(outcome.conversation.userTurnsInPhase == 1)
    }

    @Test func idempotentRetriesReplayWithoutASecondModelCallOrTurn() throws {
        let coach = ScriptedCoach()
        let store = InMemoryConversationStore(clock: VirtualTime(startEpochMilliseconds: Records.now))
        let service = CoachingService.testing(store: store, coach: coach)
        let started = try service.start(Callers.alice, .init(topic: .goals), deadline: .none)
        let request = TurnRequest(conversationID: started.conversation.conversationID, message: "Grow revenue by a third this year", idempotencyKey: "key-1")
        let first = try service.takeTurn(Callers.alice, request, deadline: .none)
        let saves = store.successfulSaves
        let retry = try service.takeTurn(Callers.alice, request, deadline: .none)
        #expect(retry.replayed)
        #expect(!first.replayed)
        #expect(retry.assistantMessage == first.assistantMessage)
        #expect(retry.userMessage == first.userMessage)
        #expect(coach.callCount == 1)
        #expect(store.successfulSaves == saves)
        let other = try service.takeTurn(Callers.alice, TurnRequest(conversationID: started.conversation.conversationID, message: "Next", idempotencyKey: "key-2"), deadline: .none)
        #expect(other.userMessage.seq == 4)
        #expect(coach.callCount == 2)
    }

    @Test func replayFindsAnAnswerThatLeftTheRecentWindow() throws {
        let coach = ScriptedCoach()
        let service = CoachingService.testing(coach: coach, settings: CoachingSettings(recentMessageWindow: 2))
        let started = try service.start(Callers.alice, .init(topic: .goals), deadline: .none)
        let id = started.conversation.conversationID
        let first = try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "First answer here", idempotencyKey: "early"), deadline: .none)
        for index in 0..<3 { _ = try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "More \(index)"), deadline: .none) }
        let retry = try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "First answer here", idempotencyKey: "early"), deadline: .none)
        #expect(retry.replayed)
        #expect(retry.assistantMessage == first.assistantMessage)
        #expect(coach.callCount == 4)
    }

    @Test func chatWithoutAConversationStartsOneAndRetriesReplay() throws {
        let coach = ScriptedCoach()
        let service = CoachingService.testing(coach: coach)
        let request = TurnRequest(topic: .vision, message: "I want us to be the best bakery in town", idempotencyKey: "chat-1")
        let first = try service.takeTurn(Callers.alice, request, deadline: .none)
        #expect(first.created)
        #expect(first.conversation.topic == .vision)
        #expect(first.userMessage.seq == 1)
        #expect(first.assistantMessage.seq == 2)
        let retry = try service.takeTurn(Callers.alice, request, deadline: .none)
        #expect(retry.replayed)
        #expect(retry.conversation.conversationID == first.conversation.conversationID)
        #expect(coach.callCount == 1)
        // Another caller's identical key names another conversation.
        let bobs = try service.takeTurn(Callers.bob, request, deadline: .none)
        #expect(bobs.conversation.conversationID != first.conversation.conversationID)
        let plain = try service.takeTurn(Callers.alice, TurnRequest(message: "Hello there coach"), deadline: .none)
        #expect(plain.conversation.topic == .coreValues)
    }

    @Test func onlyActiveConversationsTakeMessages() throws {
        let coach = ScriptedCoach()
        let service = CoachingService.testing(coach: coach)
        let id = try service.start(Callers.alice, .init(topic: .goals), deadline: .none).conversation.conversationID
        _ = try service.pause(Callers.alice, conversationID: id, reason: "later", deadline: .none)
        #expect(throws: CoachingError.conversationNotActive(.paused)) {
            try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "hello"), deadline: .none)
        }
        _ = try service.complete(Callers.alice, conversationID: id, feedback: nil, rating: nil, deadline: .none)
        #expect(throws: CoachingError.conversationNotActive(.completed)) {
            try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "hello"), deadline: .none)
        }
        #expect(coach.callCount == 0)
    }

    @Test func statusChangesFollowTheRules() throws {
        let service = CoachingService.testing()
        let id = try service.start(Callers.alice, .init(topic: .goals), deadline: .none).conversation.conversationID
        #expect(try service.resume(Callers.alice, conversationID: id, deadline: .none).version == 1)
        let paused = try service.pause(Callers.alice, conversationID: id, reason: "travel", deadline: .none)
        #expect(paused.status == .paused)
        #expect(paused.pauseReason == "travel")
        #expect(try service.pause(Callers.alice, conversationID: id, reason: nil, deadline: .none).version == paused.version)
        let resumed = try service.resume(Callers.alice, conversationID: id, deadline: .none)
        #expect(resumed.status == .active)
        #expect(resumed.pauseReason == nil)
        let completed = try service.complete(Callers.alice, conversationID: id, feedback: "Great", rating: 5, deadline: .none)
        #expect(completed.status == .completed)
        #expect(completed.phase == .completion)
        #expect(completed.rating == 5)
        #expect(completed.completedAt == Records.now)
        #expect(throws: CoachingError.invalidTransition(from: .completed, to: .completed)) {
            try service.complete(Callers.alice, conversationID: id, feedback: nil, rating: nil, deadline: .none)
        }
        #expect(throws: CoachingError.invalidTransition(from: .completed, to: .abandoned)) {
            try service.abandon(Callers.alice, conversationID: id, deadline: .none)
        }
        #expect(throws: CoachingError.invalidTransition(from: .completed, to: .active)) {
            try service.resume(Callers.alice, conversationID: id, deadline: .none)
        }
        #expect(try service.session(Callers.alice, sessionID: completed.sessionID, deadline: .none).status == .completed)

        let other = try service.start(Callers.alice, .init(topic: .vision), deadline: .none).conversation.conversationID
        #expect(try service.abandon(Callers.alice, conversationID: other, deadline: .none).status == .abandoned)
        #expect(try service.abandon(Callers.alice, conversationID: other, deadline: .none).status == .abandoned)
        #expect(throws: CoachingError.invalidTransition(from: .abandoned, to: .paused)) {
            try service.pause(Callers.alice, conversationID: other, reason: nil, deadline: .none)
        }
    }

    @Test func conversationsBelongToTheirTenantAndUser() throws {
        let service = CoachingService.testing()
        let started = try service.start(Callers.alice, .init(topic: .goals), deadline: .none)
        let id = started.conversation.conversationID
        for caller in [Callers.bob, Callers.mallory] {
            #expect(throws: CoachingError.conversationNotFound) {
                try service.takeTurn(caller, TurnRequest(conversationID: id, message: "hi there"), deadline: .none)
            }
            #expect(throws: CoachingError.conversationNotFound) {
                try service.conversation(caller, conversationID: id, messages: PageRequest(limit: 5), deadline: .none)
            }
            #expect(throws: CoachingError.conversationNotFound) { try service.pause(caller, conversationID: id, reason: nil, deadline: .none) }
            #expect(throws: CoachingError.sessionNotFound) { try service.session(caller, sessionID: started.conversation.sessionID, deadline: .none) }
            #expect(try service.conversations(caller, filter: .init(), page: PageRequest(limit: 10), deadline: .none).items.isEmpty)
            #expect(try service.sessions(caller, page: PageRequest(limit: 10), deadline: .none).items.isEmpty)
        }
    }

    @Test func aSessionIDMustMatchItsConversation() throws {
        let service = CoachingService.testing()
        let id = try service.start(Callers.alice, .init(topic: .goals), deadline: .none).conversation.conversationID
        #expect(throws: CoachingError.sessionMismatch) {
            try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, sessionID: "other", message: "hello"), deadline: .none)
        }
    }

    @Test func conversationsHaveAMessageLimit() throws {
        let service = CoachingService.testing(settings: CoachingSettings(maxMessagesPerConversation: 5))
        let id = try service.start(Callers.alice, .init(topic: .goals), deadline: .none).conversation.conversationID
        _ = try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "one"), deadline: .none)
        _ = try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "two"), deadline: .none)
        #expect(throws: CoachingError.conversationFull) {
            try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "three"), deadline: .none)
        }
    }

    @Test func storeAndModelFailuresWriteNothing() throws {
        let clock = VirtualTime(startEpochMilliseconds: Records.now)
        let inner = InMemoryConversationStore(clock: clock)
        let id = try CoachingService.testing(store: inner, clock: clock).start(Callers.alice, .init(topic: .goals), deadline: .none).conversation.conversationID

        let failingWrites = CoachingService.testing(store: FaultyStore(inner, failSaves: true), clock: clock)
        #expect(throws: CoachingError.storeUnavailable()) {
            try failingWrites.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "hello"), deadline: .none)
        }
        let failingReads = CoachingService.testing(store: FaultyStore(inner, failLoads: true), clock: clock)
        #expect(throws: CoachingError.storeUnavailable()) {
            try failingReads.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "hello"), deadline: .none)
        }
        #expect(throws: CoachingError.storeUnavailable()) { try failingReads.checkReadiness(deadline: .none) }
        let failingModel = CoachingService.testing(store: inner, coach: ScriptedCoach(failure: .unavailable("down")), clock: clock)
        #expect(throws: CoachingError.modelUnavailable()) {
            try failingModel.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "hello"), deadline: .none)
        }
        #expect(try inner.load(ConversationKey(tenantID: "tenant-a", conversationID: id), recentMessages: 10, deadline: .none)?.recentMessages.count == 1)
    }

    @Test func neitherTurnCountsNorAYesWithoutADraftComplete() throws {
        let service = CoachingService.testing()
        let id = try service.start(Callers.alice, .init(topic: .purpose), deadline: .none).conversation.conversationID
        let answers = (1...12).map { "Answer number \($0) about why the business exists" } + ["Yes, that's right"]
        var last: TurnOutcome?
        for answer in answers {
            last = try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: answer), deadline: .none)
        }
        // No draft was ever proposed: a "yes" and many turns complete nothing.
        let outcome = try #require(last)
        #expect(outcome.conversation.status == .active)
        #expect(outcome.conversation.phase == .synthesis)
        #expect(outcome.conversation.outcome == nil)
    }

    @Test func aYesToTheDraftCompletesTheConversation() throws {
        let draft = CoachingOutcome(topic: .purpose, purpose: PurposeStatement(statement: "We keep small shops afloat."), source: .model)
        let service = CoachingService.testing(coach: ScriptedCoach(draft: draft))
        let id = try service.start(Callers.alice, .init(topic: .purpose), deadline: .none).conversation.conversationID
        var turns: [TurnOutcome] = []
        for answer in (1...8).map({ "Answer number \($0) about why the business exists" }) + ["Yes, that's right"] {
            turns.append(try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: answer), deadline: .none))
        }
        #expect(turns.map(\.conversation.phase) == [.exploration, .exploration, .exploration, .exploration, .deepening, .deepening, .deepening, .synthesis, .completion])
        #expect(turns[7].conversation.draftOutcome == draft)
        let outcome = try #require(turns.last)
        #expect(outcome.conversation.status == .completed)
        #expect(outcome.conversation.progress == 1.0)
        #expect(outcome.conversation.outcome?.purpose == draft.purpose)
        #expect(outcome.conversation.outcome?.confirmedAt != nil)
        #expect(outcome.conversation.outcomes == ["Purpose: We keep small shops afloat."])
        #expect(try service.session(Callers.alice, sessionID: outcome.conversation.sessionID, deadline: .none).status == .completed)
    }

    @Test func longConversationsFoldIntoASummary() throws {
        let coach = ScriptedCoach()
        let budget = HistoryBudget(maxHistoryTokens: 200, minimumVerbatimMessages: 2)
        let service = CoachingService.testing(coach: coach, settings: CoachingSettings(recentMessageWindow: 10, history: budget))
        let id = try service.start(Callers.alice, .init(topic: .goals), deadline: .none).conversation.conversationID
        var last: TurnOutcome?
        for index in 0..<8 {
            last = try service.takeTurn(Callers.alice, TurnRequest(
                conversationID: id, message: "Answer number \(index). " + String(repeating: "detail ", count: 40)
            ), deadline: .none)
        }
        let conversation = try #require(last?.conversation)
        #expect(conversation.summarizedThrough > 0)
        #expect(conversation.summary?.contains("The user said: Answer number 0.") == true)
        let lastTurn = try #require(coach.turns.last)
        #expect(lastTurn.history.allSatisfy { $0.seq > conversation.summarizedThrough })
        let historyTokens = lastTurn.history.reduce(0) { $0 + TokenEstimate.tokens(inMessage: $1.content) }
        #expect(historyTokens <= 200 || lastTurn.history.count <= 2)
        #expect(lastTurn.summary != nil)
    }
}
