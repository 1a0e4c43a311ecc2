import AWSCore
@testable import Coaching
import CoachingContracts
import Essentials
import Foundation
import LanguageModels
import Synchronization
import Testing
import TestSupport

/// A model that answers from a script, for the coaches built on it.
final class FakeModel: LanguageModel {
    let modelID = "fake-model"
    private let answer: Result<ModelResponse, ModelError>
    private let requests = Mutex<[ModelRequest]>([])

    init(_ answer: Result<ModelResponse, ModelError>) { self.answer = answer }

    static func text(_ text: String, stop: StopReason = .endTurn) -> FakeModel {
        FakeModel(.success(ModelResponse(text: text, stopReason: stop, usage: ModelUsage(inputTokens: 50, outputTokens: 10), latencyMilliseconds: 12, modelID: "fake-model")))
    }

    var received: [ModelRequest] { requests.withLock { $0 } }

    func complete(_ request: ModelRequest, deadline: Deadline) throws(ModelError) -> ModelResponse {
        requests.withLock { $0.append(request) }
        return try answer.get()
    }
}

@Suite struct CoachTests {
    let clock = VirtualTime(startEpochMilliseconds: 1_795_305_600_000)
    let turn = CoachingTurn(topic: .goals, phase: .exploration, userTurnsInPhase: 0, businessContext: PromptBuilderTests.context,
                            userMessage: "We need more customers. Revenue is flat.")

    @Test func theModelCoachParsesTheReply() throws {
        let model = FakeModel.text("Flat revenue is hard.\nWhich customers have you lost?\nSUGGESTIONS: Regulars | \"Tourists\" | ")
        let reply = try ModelCoach(model: model, clock: clock).reply(to: turn, deadline: .none)
        #expect(reply.text == "Flat revenue is hard.\nWhich customers have you lost?")
        #expect(reply.followUpQuestion == "Which customers have you lost?")
        #expect(reply.suggestions == ["Regulars", "Tourists"])
        #expect(reply.model == "fake-model")
        #expect(reply.usage == ModelUsage(inputTokens: 50, outputTokens: 10))
        #expect(reply.businessContextUsed)
        let request = try #require(model.received.first)
        #expect(request.messages.last?.text == turn.userMessage)
        #expect(request.maxTokens == 2_000)
    }

    @Test func truncatedRepliesAreFlagged() throws {
        let reply = try ModelCoach(model: FakeModel.text("It depends on", stop: .maxTokens), clock: clock).reply(to: turn, deadline: .none)
        #expect(reply.truncated)
        #expect(reply.suggestions == SuggestionBank.suggestions(for: .goals, phase: .exploration))
    }

    @Test(arguments: [StopReason.guardrailIntervened, .contentFiltered])
    func blockedRepliesBecomeAPoliteRefusal(stop: StopReason) throws {
        let reply = try ModelCoach(model: FakeModel.text("something bad", stop: stop), clock: clock).reply(to: turn, deadline: .none)
        #expect(reply.text == ModelCoach.refusal)
        #expect(!reply.text.contains("something bad"))
    }

    @Test(arguments: [
        (ModelError.throttled, CoachError.unavailable("throttled")),
        (.timedOut, .unavailable("timed out")),
        (.rejected("bad"), .rejected("bad")),
        (.malformedResponse("garbage"), .unavailable("garbage")),
    ])
    func modelFailuresBecomeCoachErrors(failure: ModelError, expected: CoachError) {
        #expect(throws: expected) { try ModelCoach(model: FakeModel(.failure(failure)), clock: clock).reply(to: turn, deadline: .none) }
    }

    @Test func emptyRepliesAreUnavailable() {
        #expect(throws: CoachError.unavailable("empty reply")) {
            try ModelCoach(model: FakeModel.text("  \nSUGGESTIONS: a"), clock: clock).reply(to: turn, deadline: .none)
        }
    }

    @Test func theFallbackCoachAnswersWhenTheModelFails() throws {
        let coach = FallbackCoach(primary: ModelCoach(model: FakeModel(.failure(.timedOut)), clock: clock), fallback: OfflineCoach(clock: clock))
        let reply = try coach.reply(to: turn, deadline: .none)
        #expect(reply.fallback)
        #expect(reply.fallbackReason == "unavailable: timed out")
        #expect(reply.model == "offline")
        let healthy = FallbackCoach(primary: ModelCoach(model: FakeModel.text("Fine?"), clock: clock), fallback: OfflineCoach(clock: clock))
        #expect(try !healthy.reply(to: turn, deadline: .none).fallback)
    }

    @Test(arguments: [
        ("", ReplyParser.Parsed(text: "", followUpQuestion: nil, suggestions: [])),
        ("No question here.", ReplyParser.Parsed(text: "No question here.", followUpQuestion: nil, suggestions: [])),
        ("suggestions: a|b|c|d|e", ReplyParser.Parsed(text: "", followUpQuestion: nil, suggestions: ["a", "b", "c"])),
        ("Why? Really?\nSUGGESTIONS:", ReplyParser.Parsed(text: "Why? Really?", followUpQuestion: "Really?", suggestions: [])),
        ("?", ReplyParser.Parsed(text: "?", followUpQuestion: nil, suggestions: [])),
    ])
    func oddModelOutputNeverFails(raw: String, expected: ReplyParser.Parsed) {
        #expect(ReplyParser.parse(raw) == expected)
    }
}

/// Real model output strays from the requested format; the reply is never lost.
@Suite struct StructuredTurnTests {
    static let draftJSON = #"{"core_values": [{"name": "Craft", "meaning": "We redo bad batches."}, {"name": "Honesty", "meaning": "We tell the truth."}, {"name": "Care", "meaning": "We feed the street."}], "summary": "Three values", "confidence": 0.8}"#

    @Test func theRequestedFormatIsRead() {
        let parsed = ReplyParser.parse("""
            That story says a lot. Which of these would you keep if it cost you?
            SUGGESTIONS: Craft | Honesty | Care
            GOAL_MET: yes - three stories with clear principles
            CATEGORY: decisions
            DRAFT: \(Self.draftJSON)
            """, topic: .coreValues)
        #expect(parsed.text == "That story says a lot. Which of these would you keep if it cost you?")
        #expect(parsed.suggestions == ["Craft", "Honesty", "Care"])
        #expect(parsed.goalMet == true)
        #expect(parsed.assessment == "three stories with clear principles")
        #expect(parsed.category == "decisions")
        #expect(parsed.draft?.coreValues?.map(\.name) == ["Craft", "Honesty", "Care"])
        #expect(parsed.draft?.source == .model)
        #expect(parsed.draft?.topic == .coreValues)
    }

    @Test func boldInlineAndBulletedMarkersAreRead() {
        let parsed = ReplyParser.parse("""
            **Great.** What would you *never* compromise on? **Suggestions:**
            - Quality
            * Fair prices
            3. Our people

            **Goal met:** no, only one story so far
            __Category__: aversion
            """, topic: .coreValues)
        #expect(parsed.text == "Great. What would you *never* compromise on?")
        #expect(parsed.suggestions == ["Quality", "Fair prices", "Our people"])
        #expect(parsed.goalMet == false)
        #expect(parsed.assessment == "only one story so far")
        #expect(parsed.category == "aversion")
    }

    @Test func aDraftInAFenceOverSeveralLinesIsRead() {
        let parsed = ReplyParser.parse("Here is a draft. Does it fit?\nDRAFT:\n```json\n\(Self.draftJSON.replacingOccurrences(of: "}, ", with: "},\n "))\n```", topic: .coreValues)
        #expect(parsed.draft?.coreValues?.count == 3)
        #expect(parsed.text == "Here is a draft. Does it fit?")
    }

    @Test func malformedOrInvalidDraftsAreDroppedAndTheReplyKept() {
        let broken = ReplyParser.parse("Here you go. Better?\nDRAFT: {\"core_values\": [{\"name\": \"Craft\"", topic: .coreValues)
        #expect(broken.draft == nil)
        #expect(broken.text == "Here you go. Better?")
        let tooFew = ReplyParser.parse("Ok?\nDRAFT: {\"core_values\": [{\"name\": \"Craft\", \"meaning\": \"x\"}]}", topic: .coreValues)
        #expect(tooFew.draft == nil)
        let otherTopic = ReplyParser.parse("Ok?\nDRAFT: {\"topic\": \"purpose\", \"purpose\": {\"statement\": \"x\"}}", topic: .coreValues)
        #expect(otherTopic.draft == nil)
        let prose = ReplyParser.parse("Draft: We bake bread for families. Does that fit?", topic: .purpose)
        #expect(prose.text == "Draft: We bake bread for families. Does that fit?")
        let sentence = ReplyParser.parse("Here is my draft: we help families eat well.", topic: .purpose)
        #expect(sentence.text == "Here is my draft: we help families eat well.")
    }

    @Test func aTurnSentAsJSONIsRead() {
        let parsed = ReplyParser.parse("""
            ```json
            {"reply": "What matters most?", "suggestions": ["A", "B"], "phase_goal_met": true, "reason": "enough", "question_category": "motivation", "draft_outcome": \(Self.draftJSON)}
            ```
            """, topic: .coreValues)
        #expect(parsed.text == "What matters most?")
        #expect(parsed.suggestions == ["A", "B"])
        #expect(parsed.goalMet == true)
        #expect(parsed.category == "motivation")
        #expect(parsed.draft?.coreValues?.count == 3)
        let malformed = ReplyParser.parse(#"{"reply": "What matters most?", "suggestions": ["#, topic: .coreValues)
        #expect(malformed.text == #"{"reply": "What matters most?", "suggestions": ["#)
    }

    @Test func theModelCoachPassesTheAssessmentAndDraftOn() throws {
        let model = FakeModel.text("What would you keep?\nSUGGESTIONS: a\nGOAL_MET: no - needs a second story\nCATEGORY: decisions\nDRAFT: none")
        let turn = CoachingTurn(topic: .coreValues, phase: .exploration, allowedPhase: .deepening, userTurnsInPhase: 3, responses: 5,
                                language: "fr", userMessage: "We refunded a customer.")
        let reply = try ModelCoach(model: model, clock: VirtualTime(startEpochMilliseconds: 0)).reply(to: turn, deadline: .none)
        #expect(reply.phaseGoalMet == false)
        #expect(reply.assessment == "needs a second story")
        #expect(reply.questionCategory == "decisions")
        #expect(reply.draftOutcome == nil)
        #expect(reply.language == "fr")
        let system = try #require(model.received.first?.system)
        #expect(system.contains("plain text, with no markdown"))
        #expect(system.contains(#"in the language with code "fr""#))
        #expect(system.contains("When this phase's goal is met, the next phase is deepening"))
    }
}

/// KPIs have a direction; one at or past its target is never "behind".
@Suite struct KPIDirectionTests {
    static let kpis = [
        KpiContext(id: "waste", name: "Waste ratio", currentValue: 0.05, targetValue: 0.08, higherIsBetter: false),
        KpiContext(id: "margin", name: "Gross margin", currentValue: 61, targetValue: 65, unit: "%"),
        KpiContext(id: "returns", name: "Return rate", currentValue: 0.12, targetValue: 0.08, higherIsBetter: false),
    ]

    @Test func kpisAreRankedAndLabelledInTheirDirection() {
        let renderer = BusinessContextRenderer()
        #expect(renderer.rankedKPIs(Self.kpis).map(\.id) == ["returns", "margin", "waste"])
        let lines = renderer.lines(for: BusinessContext(kpis: Self.kpis), today: PromptBuilderTests.today)
        #expect(lines.contains("- Waste ratio: 0.05 vs target 0.08, lower is better (on target)"))
        #expect(lines.contains("- Return rate: 0.12 vs target 0.08, lower is better (behind by 0.04)"))
    }

    @Test func theOfflineCoachNeverCallsAKPIAtTargetBehind() throws {
        let context = BusinessContext(kpis: [Self.kpis[0]])
        let turn = CoachingTurn(topic: .goals, phase: .introduction, allowedPhase: .exploration, userTurnsInPhase: 0,
                                businessContext: context, userMessage: "Our waste ratio is something I watch.")
        let reply = try OfflineCoach(clock: VirtualTime(startEpochMilliseconds: 0)).reply(to: turn, deadline: .none)
        #expect(!reply.text.contains("Waste ratio"))
        #expect(!reply.businessContextUsed)
    }

    @Test func higherIsBetterDefaultsToTrueOnTheWire() throws {
        let kpi = try KpiContext.validate(json: #"{"id":"k","name":"Revenue","current_value":1,"target_value":2}"#)
        #expect(kpi.higherIsBetter)
        let lower = try KpiContext.validate(json: #"{"id":"k","name":"Waste","higher_is_better":false}"#)
        #expect(!lower.higherIsBetter)
        #expect(throws: ValidationFailure.self) { try KpiContext.validate(json: #"{"id":"k","name":"Waste","higher_is_better":"no"}"#) }
    }
}
