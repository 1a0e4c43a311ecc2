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

    @Test func theOfflineCoachReflectsAsksAndUsesTheContext() throws {
        let reply = try OfflineCoach(clock: clock).reply(to: turn, deadline: .none)
        let question = TopicCatalog.definition(for: .goals).guide(for: .exploration)?.questions.first
        #expect(reply.text.contains("You said: \"We need more customers.\""))
        #expect(reply.text.contains("Looking at your business data: Your goal \"Hire a head baker\" is still open (21 days overdue)."))
        #expect(reply.text.hasSuffix(try #require(question)))
        #expect(reply.followUpQuestion == question)
        #expect(reply.model == "offline")
        #expect(reply.businessContextUsed)
        #expect(!reply.fallback)
        #expect(reply.suggestions.count == 3)
        #expect(try OfflineCoach(clock: clock).reply(to: turn, deadline: .none) == reply)
    }

    @Test func theOfflineCoachRotatesFactsAndQuestions() throws {
        var later = turn
        later.userTurnsInPhase = 1
        later.history = (1...2).map { MessageRecord(seq: $0, role: $0 % 2 == 0 ? .user : .assistant, content: "x", createdAt: 0, expiresAt: 0) }
        let reply = try OfflineCoach(clock: clock).reply(to: later, deadline: .none)
        #expect(reply.text.contains("Customer retention is at 72 % against a target of 85 %."))
        #expect(reply.followUpQuestion == TopicCatalog.definition(for: .goals).guide(for: .exploration)?.questions[1])
    }

    @Test func theOfflineCoachClosesAtCompletion() throws {
        var closing = turn
        closing.phase = .completion
        closing.businessContext = nil
        let reply = try OfflineCoach(clock: clock).reply(to: closing, deadline: .none)
        #expect(reply.followUpQuestion == nil)
        #expect(reply.text.contains("We've reached what we set out to produce"))
        #expect(!reply.businessContextUsed)
    }

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
