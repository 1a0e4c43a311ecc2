import AWSCore
@testable import Coaching
import CoachingContracts
import CoachingStorage
import DynamoDB
import Essentials
import Foundation
import Testing
import TestSupport

/// Whole conversations with the offline coach, one per topic, to a confirmed
/// outcome, in each of the three stores.
@Suite(.serialized) struct OutcomeConversationTests {
    struct Run {
        var service: CoachingService
        var store: any ConversationStore
        var clock: VirtualTime
    }

    func run(_ kind: StoreKind, settings: CoachingSettings = CoachingSettings()) throws -> Run {
        let clock = VirtualTime(startEpochMilliseconds: Records.now)
        let store = try kind.make(clock: clock)
        let service = CoachingService(store: store, coach: OfflineCoach(clock: clock), clock: clock, ids: CountingIDs(),
                                      settings: settings, sleeper: clock)
        return Run(service: service, store: store, clock: clock)
    }

    /// Plays the topic's script; returns the turn outcomes.
    func play(_ topic: CoachingTopic, on run: Run, context: BusinessContext? = nil) throws -> (id: String, turns: [TurnOutcome]) {
        let started = try run.service.start(Callers.alice, .init(topic: topic, businessContext: context), deadline: .none)
        var turns: [TurnOutcome] = []
        for message in ScriptedConversations.script(for: topic) {
            turns.append(try run.service.takeTurn(Callers.alice, TurnRequest(conversationID: started.conversation.conversationID, message: message), deadline: .none))
        }
        return (started.conversation.conversationID, turns)
    }

    static let expectedTurns: [CoachingTopic: Int] = [.coreValues: 10, .purpose: 10, .vision: 11, .goals: 10]

    @Test(arguments: StoreKind.allCases, CoachingTopic.allCases)
    func aScriptedConversationEndsInAConfirmedOutcome(kind: StoreKind, topic: CoachingTopic) throws {
        let run = try run(kind)
        let (id, turns) = try play(topic, on: run, context: topic == .goals ? PromptBuilderTests.context : nil)
        let script = ScriptedConversations.script(for: topic)
        // Completion only on the last message, the confirmation; never before.
        for (index, turn) in turns.enumerated() {
            #expect((turn.conversation.status == .completed) == (index == script.count - 1), "turn \(index + 1)")
            // No draft before synthesis (turn 8), a draft on every turn from then on.
            #expect((turn.conversation.draftOutcome != nil) == (index >= 7), "turn \(index + 1)")
            #expect(!turn.assistantMessage.content.contains("You said"))
        }
        #expect(turns.count == Self.expectedTurns[topic])
        let last = try #require(turns.last)
        let outcome = try #require(last.conversation.outcome)
        #expect(last.conversation.phase == .completion)
        #expect(outcome.topic == topic)
        #expect(outcome.source == .offline)
        #expect(outcome.confirmedAt != nil)
        #expect(outcome.isUsable)
        // Every statement comes from the owner's own words.
        let said = script.joined(separator: " ")
        for line in OutcomeText.lines(outcome) { #expect(!line.isEmpty) }
        switch topic {
        case .coreValues:
            let values = try #require(outcome.coreValues)
            #expect((3...7).contains(values.count))
            #expect(values[1].name == "Craft")
            #expect(values.map(\.name).contains("Integrity"))
            for value in values { #expect(said.contains(OwnerText.clause(value.meaning))) }
        case .purpose:
            let purpose = try #require(outcome.purpose)
            #expect(OwnerText.sentences(purpose.statement).count == 1)
            #expect(purpose.statement.hasPrefix("We help busy families eat real food"))
            #expect(purpose.whoWeServe != nil)
        case .vision:
            let vision = try #require(outcome.vision)
            #expect(vision.horizonYear == 2031)
            #expect((1...5).contains(vision.pillars.count))
            #expect(said.contains(OwnerText.clause(vision.statement)))
        case .goals:
            let goals = try #require(outcome.goals)
            #expect(goals.count == 2)
            #expect(goals[0].dueDate?.text == "2027-12-31")
            #expect(goals[0].firstStep == "The first step this week is to call three suppliers about wholesale prices.")
            #expect(goals[1].kpiID == "k2")
        }
        // Stored: the conversation has both, and the outcome is listed.
        let stored = try #require(try run.store.load(ConversationKey(tenantID: Callers.alice.tenantID, conversationID: id), recentMessages: 0, deadline: .none))
        #expect(stored.conversation.outcome == outcome)
        #expect(try run.service.outcome(Callers.alice, topic: topic, deadline: .none).outcome == outcome)
        // A completed conversation takes no more messages.
        #expect(throws: CoachingError.conversationNotActive(.completed)) {
            try run.service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "One more thing"), deadline: .none)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aConfirmedOutcomeOutlivesItsConversation(kind: StoreKind) throws {
        let run = try run(kind, settings: CoachingSettings(retentionDays: 30))
        let (id, _) = try play(.coreValues, on: run)
        run.clock.advance(milliseconds: 31 * 86_400_000)
        #expect(try run.store.load(ConversationKey(tenantID: Callers.alice.tenantID, conversationID: id), recentMessages: 0, deadline: .none) == nil)
        let kept = try run.service.outcomes(Callers.alice, deadline: .none)
        #expect(kept.map(\.topic) == [.coreValues])
        #expect(kept.first?.conversationID == id)
        #expect(try run.service.outcomes(Callers.bob, deadline: .none).isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func laterTopicsBuildOnConfirmedOutcomes(kind: StoreKind) throws {
        let run = try run(kind)
        _ = try play(.coreValues, on: run)
        _ = try play(.purpose, on: run)
        let goals = try run.service.start(Callers.alice, .init(topic: .goals), deadline: .none)
        #expect(goals.conversation.journey.map(\.topic) == [.coreValues, .purpose])
        #expect(goals.opening.content.contains("Core values: Relationships, Craft"))
        #expect(goals.opening.content.contains("Purpose: We help busy families"))
        let values = try run.service.start(Callers.alice, .init(topic: .coreValues), deadline: .none)
        #expect(values.conversation.journey.isEmpty)
    }

    @Test func dynamoDBTurnsTakeAtMostTwoRoundTrips() throws {
        let clock = VirtualTime(startEpochMilliseconds: Records.now)
        let recorder = AWSCallRecorder()
        let moto = try MotoServer.shared()
        let client = try moto.dynamoDBClient(dependencies: AWSClientDependencies(retryQuota: RetryQuota(), observer: recorder))
        let tables = DynamoDBTables(conversations: MotoServer.uniqueTableName("conversations"), sessions: MotoServer.uniqueTableName("sessions"))
        try tables.create(using: client)
        let store = DynamoDBConversationStore(client: client, tables: tables, clock: clock)
        let service = CoachingService(store: store, coach: OfflineCoach(clock: clock), clock: clock, ids: CountingIDs(), sleeper: clock)
        _ = try play(.coreValues, on: Run(service: service, store: store, clock: clock))
        recorder.drain()
        let started = try service.start(Callers.alice, .init(topic: .purpose), deadline: .none)
        #expect(recorder.drain().reduce(0) { $0 + $1.attempts } == 2) // read the journey, write
        var perTurn: [Int] = []
        for message in ScriptedConversations.purpose {
            _ = try service.takeTurn(Callers.alice, TurnRequest(conversationID: started.conversation.conversationID, message: message), deadline: .none)
            perTurn.append(recorder.drain().reduce(0) { $0 + $1.attempts })
        }
        // The confirming turn writes the outcome item in the same transaction.
        #expect(perTurn == Array(repeating: 2, count: ScriptedConversations.purpose.count), "\(perTurn)")
    }
}

@Suite struct TurnLimitTests {
    @Test func nearTheLimitTheCoachOffersToWrapUpButNeverCompletesByCount() throws {
        let clock = VirtualTime(startEpochMilliseconds: Records.now)
        let service = CoachingService(store: InMemoryConversationStore(clock: clock), coach: OfflineCoach(clock: clock), clock: clock,
                                      ids: CountingIDs(), settings: CoachingSettings(maxMessagesPerConversation: 23), sleeper: clock)
        let id = try service.start(Callers.alice, .init(topic: .coreValues), deadline: .none).conversation.conversationID
        var turns: [TurnOutcome] = []
        for message in ScriptedConversations.coreValues.prefix(8) + ["Not sure.", "Hmm.", "I need to think."] {
            turns.append(try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: message), deadline: .none))
        }
        #expect(turns.allSatisfy { $0.conversation.status == .active })
        #expect(turns.suffix(3).allSatisfy { $0.assistantMessage.content.contains("We're close to this conversation's length limit") })
        #expect(!turns[6].assistantMessage.content.contains("length limit"))
        #expect(throws: CoachingError.conversationFull) {
            try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "Yes"), deadline: .none)
        }
    }
}
