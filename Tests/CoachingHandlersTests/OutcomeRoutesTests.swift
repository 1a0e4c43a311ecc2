import Coaching
@testable import CoachingHandlers
import CoachingContracts
import Essentials
import Foundation
import Synchronization
import Testing
import TestSupport

/// Outcomes over HTTP: drafts on every response from synthesis on, completion
/// on the owner's word, `PUT .../outcome`, `complete` with an outcome, the
/// outcome listings, and the business context kept with the conversation.
@Suite struct OutcomeRoutesTests {
    static let coreValues = [
        "We stayed open through the flood and fed the whole street for free, because helping our neighbours mattered more than profit.",
        "I turned down a supermarket contract because they wanted us to lie about our flour. Being honest with customers is not negotiable.",
        "We are transparent about mistakes, even the embarrassing ones.",
        "My best baker teaches the apprentices every morning; she helps everyone learn.",
        "Our team is like a family.",
        "We aim for excellence in every loaf.",
        "We keep learning new recipes and improving our craft.",
        "Honesty, helping our community and growing our skills matter most.",
    ]

    func start(_ api: TestAPI, topic: String = "core_values", extra: String = "") throws -> String {
        let reply = try api.send("POST", "/api/v1/conversations/initiate", body: #"{"topic":"\#(topic)"\#(extra)}"#)
        #expect(reply.status == 201)
        return try reply.data(InitiateConversationResponse.self).conversationID
    }

    func say(_ api: TestAPI, _ id: String, _ text: String, extra: String = "") throws -> TestAPI.Reply {
        try api.send("POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"\#(text)"\#(extra)}"#)
    }

    @Test func aConversationCompletesOnTheOwnersWordAndItsOutcomeIsReadable() throws {
        let api = TestAPI()
        let id = try start(api)
        for (index, text) in Self.coreValues.enumerated() {
            let reply = try say(api, id, text)
            #expect(reply.status == 200)
            #expect(reply.body.contains(#""draft_outcome":"#), "every response carries draft_outcome")
            let data = try reply.data(SendMessageResponse.self)
            #expect((data.draftOutcome != nil) == (index == 7), "turn \(index + 1)")
            #expect(!data.isComplete)
        }
        let hedge = try say(api, id, "Maybe, I'm not sure yet").data(SendMessageResponse.self)
        #expect(!hedge.isComplete)
        #expect(hedge.draftOutcome != nil)
        let done = try say(api, id, "Yes, that's it").data(SendMessageResponse.self)
        #expect(done.isComplete)
        #expect(done.phase == .completion)
        let outcome = try #require(done.outcome)
        #expect(outcome.coreValues?.map(\.name).contains("Integrity") == true)

        let detail = try api.send("GET", "/api/v1/conversations/\(id)").data(ConversationDetail.self)
        #expect(detail.outcome == outcome)
        #expect(detail.draftOutcome != nil)
        let listed = try api.send("GET", "/api/v1/outcomes").data(ListPage<ConfirmedOutcome>.self)
        #expect(listed.items.map(\.topic) == [.coreValues])
        #expect(listed.items.first?.conversationID == id)
        #expect(try api.send("GET", "/api/v1/outcomes/core_values").data(ConfirmedOutcome.self).outcome == outcome)
        #expect(try api.send("GET", "/api/v1/outcomes/vision").status == 404)
        #expect(try api.send("GET", "/api/v1/outcomes/mission").status == 422)
        // Another user sees none of it.
        #expect(try api.send("GET", "/api/v1/outcomes", identity: .authorizer(user: "bob", tenant: "tenant-a"))
            .data(ListPage<ConfirmedOutcome>.self).items.isEmpty)

        // After completion a message gets a 409 that says what to do; PUT still revises.
        let blocked = try say(api, id, "One more thing")
        #expect(blocked.status == 409)
        #expect(blocked.body.contains("PUT /api/v1/conversations/{id}/outcome"))
        let revised = try api.send("PUT", "/api/v1/conversations/\(id)/outcome", body: #"""
            {"topic":"core_values","core_values":[{"name":"Honesty","meaning":"We tell customers the truth about delays."},
             {"name":"Craft","meaning":"We throw out a batch that is not good enough."},
             {"name":"Neighbourliness","meaning":"We feed the street when it floods."}],"summary":"Our three values","source":"model"}
            """#)
        #expect(revised.status == 200)
        let state = try revised.data(ConversationStateResponse.self)
        #expect(state.isComplete)
        #expect(state.outcome?.source == .owner)
        #expect(state.outcome?.coreValues?.map(\.name) == ["Honesty", "Craft", "Neighbourliness"])
        #expect(try api.send("GET", "/api/v1/outcomes/core_values").data(ConfirmedOutcome.self).outcome.coreValues?.first?.name == "Honesty")
    }

    @Test func putOutcomeIsValidatedLikeEveryContract() throws {
        let api = TestAPI()
        let id = try start(api)
        let tooFew = try api.send("PUT", "/api/v1/conversations/\(id)/outcome",
                                  body: #"{"topic":"core_values","core_values":[{"name":"A","meaning":"b"}],"purpose":{"statement":"x"},"confidence":2}"#)
        #expect(tooFew.status == 422)
        #expect(Set(tooFew.error?.locations ?? []) == ["body.core_values", "body.purpose", "body.confidence"])
        let missing = try api.send("PUT", "/api/v1/conversations/\(id)/outcome", body: #"{"topic":"goals"}"#)
        #expect(missing.error?.locations == ["body.goals"])
        let otherTopic = try api.send("PUT", "/api/v1/conversations/\(id)/outcome", body: #"{"topic":"purpose","purpose":{"statement":"We bake."}}"#)
        #expect(otherTopic.status == 422)
        #expect(otherTopic.error?.locations == ["body.topic"])
        // Before completion the owner's wording becomes the draft; their "yes" then confirms it.
        let draft = try api.send("PUT", "/api/v1/conversations/\(id)/outcome", body: #"""
            {"topic":"core_values","core_values":[{"name":"Honesty","meaning":"We tell the truth."},{"name":"Craft","meaning":"We redo bad batches."},{"name":"Care","meaning":"We feed the street."}]}
            """#).data(ConversationStateResponse.self)
        #expect(draft.status == .active)
        #expect(draft.phase == .validation)
        #expect(draft.draftOutcome?.source == .owner)
        #expect(draft.outcome == nil)
        let confirmed = try say(api, id, "Perfect").data(SendMessageResponse.self)
        #expect(confirmed.isComplete)
        #expect(confirmed.outcome?.coreValues?.map(\.name) == ["Honesty", "Craft", "Care"])
    }

    @Test func completeWithAnOutcomeConfirmsIt() throws {
        let api = TestAPI()
        let id = try start(api, topic: "purpose")
        let reply = try api.send("POST", "/api/v1/conversations/\(id)/complete",
                                 body: #"{"rating":5,"outcome":{"topic":"purpose","purpose":{"statement":"We bake real bread for busy families.","who_we_serve":"Busy families"}}}"#)
        #expect(reply.status == 200)
        let state = try reply.data(ConversationStateResponse.self)
        #expect(state.status == .completed)
        #expect(state.outcome?.purpose?.statement == "We bake real bread for busy families.")
        #expect(state.outcome?.source == .owner)
        #expect(state.outcome?.confirmedAt != nil)
        #expect(try api.send("GET", "/api/v1/outcomes/purpose").status == 200)
        let wrong = try api.send("POST", "/api/v1/conversations/\(try start(api))/complete", body: #"{"outcome":{"topic":"vision","vision":{"statement":"x","pillars":["y"]}}}"#)
        #expect(wrong.status == 422)
    }

    @Test func theBusinessContextIsKeptAndReplacedByAMessage() throws {
        let coach = CapturingCoach()
        let api = TestAPI(coach: coach)
        let first = #","business_context":{"tenant":{"id":"tenant-a","company":"Martin Bakery"},"goals":[{"id":"g1","title":"Open a second shop","status":"active"}]}"#
        let id = try start(api, topic: "goals", extra: first)
        _ = try say(api, id, "We want to grow.")
        #expect(coach.turns.last?.businessContext?.goals.first?.title == "Open a second shop")
        let second = #","business_context":{"goals":[{"id":"g2","title":"Hire a head baker","status":"active"}],"retrieved_at":"2020-01-01T00:00:00Z"}"#
        _ = try say(api, id, "Things changed.", extra: second)
        #expect(coach.turns.last?.businessContext?.goals.first?.title == "Hire a head baker")
        #expect(coach.turns.last?.businessContextStale == true)
        _ = try say(api, id, "And now?")
        #expect(coach.turns.last?.businessContext?.goals.first?.title == "Hire a head baker")
        let foreign = try say(api, id, "x", extra: #","business_context":{"tenant":{"id":"tenant-b","company":"Other"}}"#)
        #expect(foreign.status == 422)
    }

    @Test func theOfflineCoachSaysItAnswersInEnglish() throws {
        let api = TestAPI()
        let reply = try api.send("POST", "/api/v1/conversations/initiate", body: #"{"topic":"vision","language":"de"}"#)
        let id = try reply.data(InitiateConversationResponse.self).conversationID
        let answer = try say(api, id, "Wir wollen drei Filialen haben.").data(SendMessageResponse.self)
        #expect(answer.language == "en")
        #expect(answer.message.hasPrefix("(I'm the offline coach and can only answer in English.)"))
    }
}

/// A coach that records the turns it was given.
final class CapturingCoach: Coach {
    private let recorded = Mutex<[CoachingTurn]>([])
    var turns: [CoachingTurn] { recorded.withLock { $0 } }

    func reply(to turn: CoachingTurn, deadline: Deadline) throws(CoachError) -> CoachReply {
        recorded.withLock { $0.append(turn) }
        return CoachReply(text: "Tell me more?", model: "capturing", businessContextUsed: turn.businessContext != nil)
    }
}

@Suite struct TaskContextTests {
    @Test func aPatternBTaskWithAFreshContextReplacesTheKeptOne() throws {
        let coach = CapturingCoach()
        let api = TestAPI(coach: coach)
        let started = try api.send("POST", "/api/v1/conversations/initiate",
                                   body: #"{"topic":"goals","business_context":{"goals":[{"id":"g1","title":"Old goal","status":"active"}]}}"#)
        let id = try started.data(InitiateConversationResponse.self).conversationID
        let task = #"{"source":"orchestrated","user_id":"alice","tenant_id":"tenant-a","message":"What now?","conversation_id":"\#(id)","business_context":{"goals":[{"id":"g2","title":"Fresh goal","status":"active"}],"retrieved_at":"2026-11-21T23:00:00Z"}}"#
        _ = try api.invoke(Data(task.utf8))
        #expect(coach.turns.last?.businessContext?.goals.first?.title == "Fresh goal")
        #expect(coach.turns.last?.businessContextStale == false)
        _ = try api.send("POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"And then?"}"#)
        #expect(coach.turns.last?.businessContext?.goals.first?.title == "Fresh goal")
    }
}
