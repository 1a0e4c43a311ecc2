@testable import Coaching
import CoachingContracts
import Essentials
import Testing
import TestSupport

/// The offline coach: deterministic, honest, and built on the owner's words.
@Suite struct OfflineCoachTests {
    let coach = OfflineCoach(clock: VirtualTime(startEpochMilliseconds: 1_795_305_600_000))

    func turn(_ topic: CoachingTopic = .coreValues, phase: ConversationPhase = .exploration, allowed: ConversationPhase? = nil,
              responses: Int = 3, context: BusinessContext? = nil, draft: CoachingOutcome? = nil, message: String) -> CoachingTurn {
        CoachingTurn(topic: topic, phase: phase, allowedPhase: allowed ?? phase, userTurnsInPhase: 1, responses: responses,
                     businessContext: context, draft: draft, userMessage: message)
    }

    static let values = CoachingOutcome(topic: .coreValues, coreValues: [
        CoreValue(name: "Integrity", meaning: "We never lie about our flour."),
        CoreValue(name: "Service", meaning: "We fed the street."),
        CoreValue(name: "Growth", meaning: "We keep learning."),
    ], source: .offline)

    @Test func itIsDeterministic() throws {
        let sample = turn(message: "We turned down a contract because they wanted us to lie.")
        #expect(try coach.reply(to: sample, deadline: .none) == coach.reply(to: sample, deadline: .none))
    }

    @Test func itNeverClaimsADraftItDidNotGive() throws {
        for request in ["Write it as one sentence", "merge them", "Change the second value to Craft"] {
            let reply = try coach.reply(to: turn(message: request), deadline: .none)
            #expect(reply.text.contains("I haven't written a draft yet"), "\(request)")
            #expect(reply.draftOutcome == nil)
        }
    }

    @Test func itAnswersRequestsFromTheDraft() throws {
        let draftTurn = { (message: String) in self.turn(phase: .validation, draft: Self.values, message: message) }
        let merged = try coach.reply(to: draftTurn("merge them"), deadline: .none)
        #expect(merged.draftOutcome?.coreValues?.map(\.name) == ["Integrity and Service", "Growth"])
        let sentence = try coach.reply(to: draftTurn("write it as one sentence"), deadline: .none)
        #expect(sentence.draftOutcome?.summary == "We live by Integrity, Service and Growth.")
        let missing = try coach.reply(to: draftTurn("What is missing?"), deadline: .none)
        #expect(missing.text.hasPrefix("Nothing essential is missing"))
        let dropped = try coach.reply(to: draftTurn("Drop the last one"), deadline: .none)
        #expect(dropped.draftOutcome?.coreValues?.count == 2)
        let purpose = CoachingOutcome(topic: .purpose, purpose: PurposeStatement(statement: "We help families eat well."), source: .offline)
        let gaps = try coach.reply(to: turn(.purpose, phase: .validation, draft: purpose, message: "what is missing?"), deadline: .none)
        #expect(gaps.text == "Still missing: who the business serves and why it matters. Tell me about it and I'll add it.")
    }

    @Test func itDraftsValuesFromTheValueIndicators() throws {
        let history = [
            "Being honest with customers is not negotiable.", "We help every neighbour who asks for support.",
            "I want the team to learn and improve every season.",
        ].enumerated().map { MessageRecord(seq: $0.offset * 2 + 2, role: .user, content: $0.element, createdAt: 0, expiresAt: 0) }
        var synthesis = turn(phase: .deepening, allowed: .synthesis, responses: 8, message: "Our people are like family to us.")
        synthesis.history = history
        let reply = try coach.reply(to: synthesis, deadline: .none)
        let values = try #require(reply.draftOutcome?.coreValues)
        #expect(Set(values.map(\.name)) == ["Integrity", "Service", "Growth", "Relationships"])
        #expect(values.first { $0.name == "Integrity" }?.meaning == "Being honest with customers is not negotiable.")
        #expect(reply.text.contains("Here is a first draft, built from your own words"))
    }

    @Test func acknowledgementsVaryAndNeverQuote() throws {
        let openings = try (1...6).map { responses in
            try coach.reply(to: turn(.vision, responses: responses, message: "We will have three shops and a kitchen."), deadline: .none).text
        }.map { String($0.prefix(20)) }
        for (first, second) in zip(openings, openings.dropFirst()) { #expect(first != second) }
        #expect(openings.allSatisfy { !$0.contains("You said") })
    }

    @Test func businessFactsOnlyWhenTheyRelate() throws {
        let unrelated = try coach.reply(to: turn(context: PromptBuilderTests.context, message: "We stayed open through the flood."), deadline: .none)
        #expect(!unrelated.businessContextUsed)
        #expect(!unrelated.text.contains("Hire a head baker"))
        let related = try coach.reply(to: turn(context: PromptBuilderTests.context, message: "Finding a head baker we trust is hard."), deadline: .none)
        #expect(related.businessContextUsed)
        #expect(related.text.contains("Your goal \"Hire a head baker\" is still open (21 days overdue)."))
    }

    @Test func itOffersToWrapUpNearTheTurnLimit() throws {
        var near = turn(phase: .validation, draft: Self.values, message: "Hmm.")
        near.nearTurnLimit = true
        #expect(try coach.reply(to: near, deadline: .none).text.contains("say so and I'll record it"))
    }
}
