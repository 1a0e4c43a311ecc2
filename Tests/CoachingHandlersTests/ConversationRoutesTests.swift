import AWSCore
import Coaching
@testable import CoachingHandlers
import CoachingContracts
import Foundation
import Testing
import TestSupport

/// Every conversation route, through the real Lambda handler on an
/// in-memory store.
@Suite struct ConversationRoutesTests {
    private func start(_ api: TestAPI, topic: String = "goals") throws -> InitiateConversationResponse {
        let reply = try api.send("POST", "/api/v1/conversations/initiate", body: #"{"topic":"\#(topic)"}"#)
        #expect(reply.status == 201)
        return try reply.data(InitiateConversationResponse.self)
    }

    @Test func initiateOpensWithAQuestion() throws {
        let api = TestAPI()
        let reply = try api.send("POST", "/api/v1/conversations/initiate",
                                 body: #"{"topic":"purpose","context":{"user":{"id":"alice","name":"Alice","email":"a@example.com"}}}"#)
        #expect(reply.status == 201)
        #expect(reply.headers["content-type"] == "application/json")
        let started = try reply.data(InitiateConversationResponse.self)
        #expect(started.topic == .purpose)
        #expect(started.status == .active)
        #expect(started.phase == .introduction)
        #expect(started.progress == 0.1)
        #expect(started.message.hasPrefix("Hi Alice."))
    }

    @Test func messagesGetTheCoachsReply() throws {
        let api = TestAPI()
        let started = try start(api)
        let reply = try api.send("POST", "/api/v1/conversations/\(started.conversationID)/message",
                                 body: #"{"user_message":"  We want to double revenue this year  "}"#)
        #expect(reply.status == 200)
        let message = try reply.data(SendMessageResponse.self)
        #expect(message.conversationID == started.conversationID)
        #expect(message.model == "offline")
        #expect(!message.fallback)
        #expect(message.messageCount == 3)
        #expect(message.phase == .exploration)
        #expect(message.followUpQuestion != nil)
        #expect(!message.isComplete)
        // The legacy field name is accepted too.
        let legacy = try api.send("POST", "/api/v1/conversations/\(started.conversationID)/message", body: #"{"message":"Another answer"}"#)
        #expect(legacy.status == 200)
        let detail = try api.send("GET", "/api/v1/conversations/\(started.conversationID)").data(ConversationDetail.self)
        #expect(detail.messages.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(detail.messages[1].content == "We want to double revenue this year")
    }

    @Test func messageIdempotencyReplaysTheFirstAnswer() throws {
        let api = TestAPI()
        let started = try start(api)
        let path = "/api/v1/conversations/\(started.conversationID)/message"
        let first = try api.send("POST", path, body: #"{"user_message":"Grow revenue"}"#, headers: ["idempotency-key": "k-1"])
        let second = try api.send("POST", path, body: #"{"user_message":"Grow revenue"}"#, headers: ["idempotency-key": "k-1"])
        #expect(first.status == 200)
        #expect(second.status == 200)
        #expect(second.headers["idempotent-replayed"] == "true")
        #expect(first.headers["idempotent-replayed"] == nil)
        #expect(try first.data(SendMessageResponse.self) == second.data(SendMessageResponse.self))
        let detail = try api.send("GET", "/api/v1/conversations/\(started.conversationID)").data(ConversationDetail.self)
        #expect(detail.messages.count == 3)
        let bad = try api.send("POST", path, body: #"{"user_message":"x"}"#, headers: ["idempotency-key": "has space"])
        #expect(bad.status == 422)
        #expect(bad.error?.locations == ["header.idempotency-key"])
    }

    @Test func getListsMessagesInPages() throws {
        let api = TestAPI()
        let started = try start(api)
        for text in ["one answer here", "two answer here"] {
            _ = try api.send("POST", "/api/v1/conversations/\(started.conversationID)/message", body: #"{"user_message":"\#(text)"}"#)
        }
        let first = try api.send("GET", "/api/v1/conversations/\(started.conversationID)", query: ["limit": "2"]).data(ConversationDetail.self)
        #expect(first.messages.map(\.seq) == [1, 2])
        #expect(first.summary.messageCount == 5)
        let cursor = try #require(first.nextCursor)
        let second = try api.send("GET", "/api/v1/conversations/\(started.conversationID)", query: ["limit": "2", "cursor": cursor]).data(ConversationDetail.self)
        #expect(second.messages.map(\.seq) == [3, 4])
    }

    @Test func listingIsTheCallersOnlyWithFiltersAndCursors() throws {
        let api = TestAPI()
        for topic in ["goals", "vision", "goals"] {
            _ = try start(api, topic: topic)
            api.clock.advance(milliseconds: 1_000)
        }
        _ = try api.send("POST", "/api/v1/conversations/initiate", body: #"{"topic":"goals"}"#, identity: .authorizer(user: "bob", tenant: "tenant-a"))
        _ = try api.send("POST", "/api/v1/conversations/initiate", body: #"{"topic":"goals"}"#, identity: .authorizer(user: "alice", tenant: "tenant-b"))
        let all = try api.send("GET", "/api/v1/conversations").data(ListPage<ConversationSummary>.self)
        #expect(all.items.count == 3)
        let goals = try api.send("GET", "/api/v1/conversations", query: ["topic": "goals", "limit": "1"]).data(ListPage<ConversationSummary>.self)
        #expect(goals.items.count == 1)
        let next = try api.send("GET", "/api/v1/conversations", query: ["topic": "goals", "limit": "1", "cursor": try #require(goals.nextCursor)])
            .data(ListPage<ConversationSummary>.self)
        #expect(next.items.count == 1)
        #expect(next.items.first?.conversationID != goals.items.first?.conversationID)
        #expect(next.nextCursor == nil)
        let stolen = try api.send("GET", "/api/v1/conversations", query: ["cursor": try #require(goals.nextCursor)], identity: .authorizer(user: "bob", tenant: "tenant-a"))
        #expect(stolen.status == 422)
        #expect(stolen.error?.locations == ["query.cursor"])
        let bad = try api.send("GET", "/api/v1/conversations", query: ["status": "done", "limit": "1000"])
        #expect(bad.status == 422)
        #expect(bad.error?.locations == ["query.status", "query.limit"])
    }

    @Test func statusRoutesFollowTheRules() throws {
        let api = TestAPI()
        let id = try start(api).conversationID
        let paused = try api.send("POST", "/api/v1/conversations/\(id)/pause", body: #"{"reason":"travelling"}"#)
        #expect(try paused.data(ConversationStateResponse.self).status == .paused)
        let blocked = try api.send("POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"hello"}"#)
        #expect(blocked.status == 409)
        #expect(blocked.error?.errorCode == "CONVERSATION_NOT_ACTIVE")
        #expect(try api.send("POST", "/api/v1/conversations/\(id)/resume").data(ConversationStateResponse.self).status == .active)
        let completed = try api.send("POST", "/api/v1/conversations/\(id)/complete", body: #"{"feedback":"Useful","rating":5}"#)
        let state = try completed.data(ConversationStateResponse.self)
        #expect(state.status == .completed)
        #expect(state.progress == 1.0)
        let again = try api.send("POST", "/api/v1/conversations/\(id)/complete", body: "{}")
        #expect(again.status == 409)
        #expect(again.error?.errorCode == "INVALID_STATUS_TRANSITION")
        let delete = try api.send("DELETE", "/api/v1/conversations/\(id)")
        #expect(delete.status == 409)
        let other = try start(api).conversationID
        #expect(try api.send("DELETE", "/api/v1/conversations/\(other)").data(ConversationStateResponse.self).status == .abandoned)
        let badRating = try api.send("POST", "/api/v1/conversations/\(other)/complete", body: #"{"rating":6}"#)
        #expect(badRating.status == 422)
        #expect(badRating.error?.locations == ["body.rating"])
    }

    @Test func sessionsAreListedAndFetched() throws {
        let api = TestAPI()
        let started = try start(api)
        let session = try api.send("GET", "/api/v1/sessions/\(started.sessionID)").data(SessionDetail.self)
        #expect(session.conversationID == started.conversationID)
        #expect(session.status == .active)
        let sessions = try api.send("GET", "/api/v1/sessions").data(ListPage<SessionDetail>.self)
        #expect(sessions.items.map(\.sessionID) == [started.sessionID])
        #expect(try api.send("GET", "/api/v1/sessions/\(started.sessionID)", identity: .authorizer(user: "alice", tenant: "tenant-b")).status == 404)
    }

    @Test func anotherTenantsIDsAreNotFoundOnEveryRoute() throws {
        let api = TestAPI()
        let started = try start(api)
        let id = started.conversationID
        let intruders: [TestAPI.Identity] = [.authorizer(user: "alice", tenant: "tenant-b"), .authorizer(user: "bob", tenant: "tenant-a")]
        for intruder in intruders {
            for (method, path, body) in [
                ("GET", "/api/v1/conversations/\(id)", nil),
                ("POST", "/api/v1/conversations/\(id)/message", #"{"user_message":"hi"}"#),
                ("POST", "/api/v1/conversations/\(id)/pause", "{}"),
                ("POST", "/api/v1/conversations/\(id)/resume", "{}"),
                ("POST", "/api/v1/conversations/\(id)/complete", "{}"),
                ("DELETE", "/api/v1/conversations/\(id)", nil),
                ("GET", "/api/v1/sessions/\(started.sessionID)", nil),
            ] as [(String, String, String?)] {
                let reply = try api.send(method, path, body: body, identity: intruder)
                #expect(reply.status == 404, "\(method) \(path)")
            }
            #expect(try api.send("GET", "/api/v1/conversations", identity: intruder).data(ListPage<ConversationSummary>.self).items.isEmpty)
        }
        #expect(try api.send("GET", "/api/v1/conversations/\(id)").status == 200)
    }

    @Test func unsafePathIDsAreRejected() throws {
        let api = TestAPI()
        for id in ["..", "a%2Fb", "%E2%80%AE", "x%00y", String(repeating: "a", count: 200)] {
            let reply = try api.send("GET", "/api/v1/conversations/\(id)")
            #expect(reply.status == 422, "\(id)")
            #expect(reply.error?.locations == ["path.conversation_id"])
        }
    }
}
