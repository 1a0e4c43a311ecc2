import Coaching
@testable import CoachingHandlers
import CoachingContracts
import Foundation
import Testing
import TestSupport

/// What the existing web app needs (its integration guide): CORS it can pass,
/// `X-Tenant-Id` on every call, the old field names beside the new ones,
/// idempotent retries that cannot be mistaken, and errors a person can read.
@Suite struct FrontendContractTests {
    /// The envelope's `error` text.
    private func errorText(_ reply: TestAPI.Reply) throws -> String {
        struct Envelope: Decodable {
            var error: String
            enum CodingKeys: String, CodingKey { case error }
        }
        return try JSONDecoder().decode(Envelope.self, from: Data(reply.body.utf8)).error
    }

    /// The old frontend's names: `data.id`; `{reply, completed, value}`.
    private struct LegacyStarted: Decodable {
        var id: String
        var conversationID: String
        enum CodingKeys: String, CodingKey { case id, conversationID = "conversation_id" }
    }

    private struct LegacyReply: Decodable {
        var reply: String
        var completed: Bool
        var message: String
        var isComplete: Bool
        enum CodingKeys: String, CodingKey { case reply, completed, message, isComplete = "is_complete" }
    }

    private func start(_ api: TestAPI) throws -> String {
        let reply = try api.send("POST", "/api/v1/conversations/initiate", body: #"{"topic":"core_values"}"#)
        #expect(reply.status == 201)
        return try reply.data(InitiateConversationResponse.self).conversationID
    }

    @Test func preflightAllowsTheFrontendsHeadersAndAnswersExposeWhatItReads() throws {
        let api = TestAPI(cors: ["https://app.purposepath.example"])
        let preflight = try api.send("OPTIONS", "/api/v1/conversations/initiate", headers: [
            "origin": "https://app.purposepath.example", "access-control-request-method": "POST",
            "access-control-request-headers": "authorization,content-type,x-tenant-id,idempotency-key",
        ], identity: .none)
        #expect(preflight.status == 204)
        let allowed = Set((preflight.headers["access-control-allow-headers"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(["authorization", "content-type", "x-tenant-id", "idempotency-key"].allSatisfy(allowed.contains))
        #expect(preflight.headers["access-control-allow-methods"]?.contains("POST") == true)
        let answer = try api.send("GET", "/api/v1/health", headers: ["origin": "https://app.purposepath.example"], identity: .none)
        let exposed = answer.headers["access-control-expose-headers"] ?? ""
        #expect(["retry-after", "idempotent-replayed", "apigw-requestid"].allSatisfy(exposed.contains))
    }

    @Test func loopbackOriginsOnlyWhenThePolicyAllowsThem() {
        let local = CORSPolicy(allowedOrigins: ["https://app.example"], allowsLoopbackOrigins: true)
        for origin in ["http://localhost:5173", "http://127.0.0.1:3000", "http://[::1]:8080", "http://localhost", "https://app.example"] {
            #expect(local.allowedOrigin(for: origin) == origin, "\(origin)")
        }
        for origin in ["http://localhost.evil.example", "http://127.0.0.1.nip.io", "https://localhost:5173", "http://localhost:", "http://localhost:80a",
                       "http://evil.example", "null"] {
            #expect(local.allowedOrigin(for: origin) == nil, "\(origin)")
        }
        #expect(CORSPolicy(allowedOrigins: []).allowedOrigin(for: "http://localhost:5173") == nil)
    }

    @Test func xTenantIdMustNameTheVerifiedTenant() throws {
        let api = TestAPI()
        let token = api.token(user: "alice", tenant: "tenant-a")
        let same = try api.send("GET", "/api/v1/conversations", headers: ["X-Tenant-Id": "tenant-a"], identity: .bearer(token))
        #expect(same.status == 200)
        let other = try api.send("GET", "/api/v1/conversations", headers: ["X-Tenant-Id": "tenant-b"], identity: .bearer(token))
        #expect(other.status == 403)
        #expect(other.error?.errorCode == "TENANT_MISMATCH")
        // The header never identifies anyone: without credentials it is still 401.
        let anonymous = try api.send("GET", "/api/v1/conversations", headers: ["X-Tenant-Id": "tenant-a"], identity: .none)
        #expect(anonymous.status == 401)
        // And it cannot move a caller to another tenant's data through the authorizer context either.
        let viaAuthorizer = try api.send("POST", "/api/v1/conversations/initiate", body: #"{"topic":"goals"}"#,
                                         headers: ["x-tenant-id": "tenant-b"], identity: .authorizer(user: "alice", tenant: "tenant-a"))
        #expect(viaAuthorizer.status == 403)
        #expect(api.store.successfulSaves == 0)
    }

    @Test func initiateAndMessageAnswerTheOldNamesBesideTheNewOnes() throws {
        let api = TestAPI()
        let reply = try api.send("POST", "/api/v1/conversations/initiate", body: #"{"topic":"core_values"}"#)
        let started = try reply.data(LegacyStarted.self)
        #expect(started.id == started.conversationID)
        let message = try api.send("POST", "/api/v1/conversations/\(started.id)/message", body: #"{"message":"Honesty matters most to me"}"#)
        #expect(message.status == 200)
        let data = try message.data(LegacyReply.self)
        #expect(data.reply == data.message && !data.reply.isEmpty)
        #expect(data.completed == false && data.completed == data.isComplete)
        // No confirmed outcome yet: `value` is there, as null.
        #expect(message.body.contains(#""value":null"#))
    }

    @Test func numberedPagesAreRefusedWithCursorsExplained() throws {
        let api = TestAPI()
        let reply = try api.send("GET", "/api/v1/conversations", query: ["page": "2", "page_size": "10"])
        #expect(reply.status == 422)
        #expect(reply.error?.locations == ["query.page"])
        #expect(try errorText(reply) == "page: pages are not numbered: leave page out and pass the next_cursor of the previous answer as cursor.")
        #expect(try api.send("GET", "/api/v1/conversations", query: ["page": "1", "page_size": "10"]).status == 200)
    }

    @Test func sameKeyDifferentRequestIsRefusedAndNothingIsWritten() throws {
        let api = TestAPI()
        let id = try start(api)
        let path = "/api/v1/conversations/\(id)/message"
        let first = try api.send("POST", path, body: #"{"user_message":"Grow revenue"}"#, headers: ["idempotency-key": "k-1"])
        #expect(first.status == 200)
        // The same request spelled differently (legacy field, whitespace) is the same request.
        let again = try api.send("POST", path, body: #"{ "message" : "Grow revenue" }"#, headers: ["idempotency-key": "k-1"])
        #expect(again.status == 200)
        #expect(again.headers["idempotent-replayed"] == "true")
        let different = try api.send("POST", path, body: #"{"user_message":"Hire two people"}"#, headers: ["idempotency-key": "k-1"])
        #expect(different.status == 422)
        #expect(different.error?.errorCode == "IDEMPOTENCY_KEY_REUSED")
        let detail = try api.send("GET", "/api/v1/conversations/\(id)").data(ConversationDetail.self)
        #expect(detail.messages.map(\.content).contains("Hire two people") == false)
        #expect(detail.summary.messageCount == 3)
    }

    @Test func initiateHonoursTheIdempotencyKey() throws {
        let api = TestAPI()
        let body = #"{"topic":"vision"}"#
        let first = try api.send("POST", "/api/v1/conversations/initiate", body: body, headers: ["idempotency-key": "start-1"])
        let retry = try api.send("POST", "/api/v1/conversations/initiate", body: body, headers: ["idempotency-key": "start-1"])
        #expect(first.status == 201)
        #expect(retry.status == 201)
        #expect(retry.headers["idempotent-replayed"] == "true")
        #expect(first.headers["idempotent-replayed"] == nil)
        #expect(try retry.data(InitiateConversationResponse.self) == first.data(InitiateConversationResponse.self))
        #expect(api.store.successfulSaves == 1)
        let reused = try api.send("POST", "/api/v1/conversations/initiate", body: #"{"topic":"goals"}"#, headers: ["idempotency-key": "start-1"])
        #expect(reused.status == 422)
        #expect(reused.error?.errorCode == "IDEMPOTENCY_KEY_REUSED")
        // The key is the caller's own: another user with the same key starts their own conversation.
        let bob = try api.send("POST", "/api/v1/conversations/initiate", body: body, headers: ["idempotency-key": "start-1"],
                               identity: .authorizer(user: "bob", tenant: "tenant-a"))
        #expect(bob.status == 201)
        #expect(bob.headers["idempotent-replayed"] == nil)
        #expect(api.store.successfulSaves == 2)
        let plain = try api.send("POST", "/api/v1/conversations/initiate", body: body)
        #expect(plain.status == 201)
        #expect(api.store.successfulSaves == 3)
    }

    @Test func listingsCarryTitlePreviewAndActivityAndLeaveAbandonedOut() throws {
        let api = TestAPI()
        let kept = try start(api)
        let dropped = try start(api)
        _ = try api.send("POST", "/api/v1/conversations/\(kept)/message", body: #"{"message":"Honesty,   and\ncourage"}"#)
        #expect(try api.send("DELETE", "/api/v1/conversations/\(dropped)").status == 200)
        let list = try api.send("GET", "/api/v1/conversations").data(ListPage<ConversationSummary>.self)
        #expect(list.items.map(\.conversationID) == [kept])
        let item = try #require(list.items.first)
        #expect(item.title == "Core values")
        #expect(item.lastActivityAt == item.updatedAt)
        let preview = try #require(item.lastMessagePreview)
        #expect(!preview.isEmpty && preview.count <= ConversationRecord.previewLength && !preview.contains("\n"))
        let both = try api.send("GET", "/api/v1/conversations", query: ["status": "active,abandoned"]).data(ListPage<ConversationSummary>.self)
        #expect(Set(both.items.map(\.conversationID)) == [kept, dropped])
        let abandoned = try api.send("GET", "/api/v1/conversations", query: ["status": "abandoned"]).data(ListPage<ConversationSummary>.self)
        #expect(abandoned.items.map(\.conversationID) == [dropped])
    }

    @Test func historyPagesNewestFirstAndKeepsPhaseAndSuggestions() throws {
        let api = TestAPI()
        let id = try start(api)
        for text in ["Honesty", "Courage", "Care for people"] {
            _ = try api.send("POST", "/api/v1/conversations/\(id)/message", body: #"{"message":"\#(text)"}"#)
        }
        let newest = try api.send("GET", "/api/v1/conversations/\(id)", query: ["order": "desc", "limit": "2"]).data(ConversationDetail.self)
        #expect(newest.messages.map(\.seq) == [7, 6])
        let next = try api.send("GET", "/api/v1/conversations/\(id)", query: ["order": "desc", "limit": "2", "cursor": newest.nextCursor ?? ""])
            .data(ConversationDetail.self)
        #expect(next.messages.map(\.seq) == [5, 4])
        let reply = try #require(newest.messages.first)
        #expect(reply.role == .assistant)
        #expect(reply.phase != nil)
        #expect(reply.suggestions?.isEmpty == false)
        #expect(newest.messages[1].role == .user && newest.messages[1].phase == nil && newest.messages[1].suggestions == nil)
    }

    @Test func validationErrorsNameTheFirstProblemInPlainWords() throws {
        let api = TestAPI()
        let missing = try api.send("POST", "/api/v1/conversations/initiate", body: "{}")
        #expect(missing.status == 422)
        #expect(try errorText(missing) == "topic is missing.")
        #expect(missing.error?.locations == ["body.topic"])
        let several = try api.send("POST", "/api/v1/conversations/initiate", body: #"{"language":"x y z","business_context":[]}"#)
        #expect(several.error?.details?.count == 3)
        let text = try errorText(several)
        #expect(text.hasPrefix("language: string should match pattern"), "\(text)")
        #expect(text.hasSuffix(" (and 2 more problems, listed in details)."), "\(text)")
        let nested = try api.send("POST", "/api/v1/coaching/chat", body: #"{"message":"hi","business_context":{"goals":[{"title":7}]}}"#)
        let nestedText = try errorText(nested)
        #expect(nestedText.hasPrefix("business_context.goals[0].title: "), "\(nestedText)")
    }

    @Test func statusConflictsReadAsEnglish() throws {
        let api = TestAPI()
        let id = try start(api)
        #expect(try api.send("DELETE", "/api/v1/conversations/\(id)").status == 200)
        let resume = try api.send("POST", "/api/v1/conversations/\(id)/resume")
        #expect(resume.status == 409)
        #expect(try errorText(resume) == "An abandoned conversation cannot become active.")
    }
}
