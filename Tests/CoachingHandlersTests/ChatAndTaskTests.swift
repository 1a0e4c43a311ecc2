import AWSCore
import Coaching
@testable import CoachingHandlers
import CoachingContracts
import Foundation
import LambdaRuntime
import Testing
import TestSupport

/// Pattern A (`POST /coaching/chat`) and Pattern B (the Step Functions task).
@Suite struct ChatAndTaskTests {
    static let context = #"{"user":{"id":"alice","name":"Alice","email":"alice@example.com","role":"Owner"},"tenant":{"id":"tenant-a","company":"Martin Bakery"},"goals":[{"id":"g1","title":"Grow monthly revenue","status":"at_risk","target_value":100000,"current_value":62000,"due_date":"2026-12-31"}],"kpis":[{"id":"k1","name":"Retention","current_value":72,"target_value":85,"unit":"%"}],"data_scope":"coaching_context"}"#

    @Test func chatStartsAConversationAndUsesTheContext() throws {
        let api = TestAPI()
        let reply = try api.send("POST", "/api/v1/coaching/chat", body: #"{"message":"We need more regular customers.","topic":"goals","business_context":\#(Self.context),"source":"orchestrated"}"#)
        #expect(reply.status == 200)
        let response = try reply.data(CoachingResponse.self)
        #expect(response.businessContextUsed)
        #expect(response.message.contains("Grow monthly revenue"))
        #expect(response.metadata.source == .direct)
        #expect(response.metadata.dataScope == "coaching_context")
        #expect(response.metadata.model == "offline")
        #expect(response.followUpSuggestions.count == 3)
        let follow = try api.send("POST", "/api/v1/coaching/chat", body: #"{"message":"Mostly families nearby.","conversation_id":"\#(response.conversationID)"}"#)
        let second = try follow.data(CoachingResponse.self)
        #expect(second.conversationID == response.conversationID)
        // The context sent with the first message is kept with the conversation and
        // grounds later turns; a fact already mentioned is not repeated.
        #expect(second.businessContextUsed)
        #expect(second.metadata.businessContextUsed)
        #expect(second.message.contains("Retention is at 72 %, below its target of 85 %"))
        #expect(!second.message.contains("Grow monthly revenue"))
    }

    @Test func aContextOfAnotherTenantIsRefused() throws {
        let api = TestAPI()
        let foreign = Self.context.replacingOccurrences(of: #""id":"tenant-a""#, with: #""id":"tenant-b""#)
        let reply = try api.send("POST", "/api/v1/coaching/chat", body: #"{"message":"hello","business_context":\#(foreign)}"#)
        #expect(reply.status == 422)
        #expect(reply.error?.locations == ["body.business_context.tenant.id"])
    }

    @Test func chatIdempotencyKeepsOneConversation() throws {
        let api = TestAPI()
        let body = #"{"message":"Let us talk about our values"}"#
        let first = try api.send("POST", "/api/v1/coaching/chat", body: body, headers: ["idempotency-key": "chat-key"])
        let second = try api.send("POST", "/api/v1/coaching/chat", body: body, headers: ["idempotency-key": "chat-key"])
        #expect(try first.data(CoachingResponse.self) == second.data(CoachingResponse.self))
        #expect(second.headers["idempotent-replayed"] == "true")
        #expect(try api.send("GET", "/api/v1/conversations").data(ListPageOfSummaries.self).items.count == 1)
    }

    @Test(arguments: [
        (#"{"message":"   "}"#, 422, ["body.message"]),
        (#"{"message":"hi","topic":"marketing"}"#, 422, ["body.topic"]),
        (#"{"conversationId":"x","message":"hi"}"#, 422, ["body.conversationId"]),
        (#"{"message":"hi""#, 400, []),
        ("[1,2]", 422, ["body"]),
    ])
    func invalidBodiesGetTheRightStatus(body: String, status: Int, locations: [String]) throws {
        let reply = try TestAPI().send("POST", "/api/v1/coaching/chat", body: body)
        #expect(reply.status == status)
        #expect(reply.error?.success == false)
        #expect(reply.error?.requestID == "req-1")
        if !locations.isEmpty { #expect(reply.error?.locations == locations) }
    }

    @Test func oversizedAndNonJSONBodies() throws {
        let api = TestAPI()
        let huge = try api.send("POST", "/api/v1/coaching/chat", body: #"{"message":"\#(String(repeating: "a", count: 1_100_000))"}"#)
        #expect(huge.status == 413)
        #expect(huge.error?.errorCode == "PAYLOAD_TOO_LARGE")
        let form = try api.send("POST", "/api/v1/coaching/chat", body: "message=hi", headers: ["content-type": "application/x-www-form-urlencoded"])
        #expect(form.status == 415)
        let missing = try api.send("POST", "/api/v1/coaching/chat")
        #expect(missing.status == 422)
        #expect(missing.error?.locations == ["body"])
    }

    // MARK: Step Functions

    private func task(_ api: TestAPI, _ payload: String) throws -> CoachingResponse {
        try JSONDecoder().decode(CoachingResponse.self, from: try api.invoke(Data(payload.utf8)))
    }

    @Test func orchestratedTurnsAnswerAPlainCoachingResponse() throws {
        let api = TestAPI()
        let payload = #"{"source":"orchestrated","user_id":"alice","tenant_id":"tenant-a","message":"Where should we focus?","conversation_id":null,"session_id":null,"topic":"goals","business_context":\#(Self.context),"data_scope":"coaching_context","idempotency_key":"arn:aws:states:exec-1#CoachWithContext"}"#
        let response = try task(api, payload)
        #expect(response.metadata.source == .orchestrated)
        #expect(response.businessContextUsed)
        #expect(response.metadata.dataScope == "coaching_context")
        // A Lambda retry of the same state replays the first answer.
        #expect(try task(api, payload) == response)
        #expect(try api.send("GET", "/api/v1/conversations").data(ListPageOfSummaries.self).items.count == 1)
    }

    @Test func theFallbackPathCoachesWithoutContext() throws {
        let api = TestAPI()
        let payload = #"{"source":"orchestrated_fallback","user_id":"alice","tenant_id":"tenant-a","message":"Where should we focus?","business_context":\#(Self.context),"error_info":{"error":"BusinessContext.HttpStatus","cause":"503"}}"#
        let response = try task(api, payload)
        #expect(response.metadata.source == .orchestratedFallback)
        #expect(!response.businessContextUsed)
    }

    @Test(arguments: [
        (#"{"source":"orchestrated","user_id":"alice","message":"hi"}"#, "ValidationFailed"),
        (#"{"source":"direct","user_id":"alice","tenant_id":"tenant-a","message":"hi"}"#, "ValidationFailed"),
        (#"{"source":"orchestrated","user_id":"alice","tenant_id":"tenant-a","message":"  "}"#, "ValidationFailed"),
        (#"{"source":"orchestrated","user_id":"alice","tenant_id":"tenant-a","message":"hi","conversation_id":"missing"}"#, "ConversationNotFound"),
        (#"{"source":"orchestrated","user_id":"alice","tenant_id":"tenant-b","message":"hi","business_context":{"tenant":{"id":"tenant-a","company":"x"}}}"#, "ValidationFailed"),
    ])
    func taskFailuresAreTypedErrors(payload: String, errorType: String) throws {
        let error = #expect(throws: TaskError.self) { try TestAPI().invoke(Data(payload.utf8)) }
        #expect(error?.errorType == errorType)
        #expect(error.map { ErrorReport($0).headerValue(category: "Function") } == "Function.\(errorType)")
    }

    @Test func aPausedConversationIsNotActiveForTheTask() throws {
        let api = TestAPI()
        let started = try api.send("POST", "/api/v1/conversations/initiate", body: #"{"topic":"goals"}"#).data(InitiateConversationResponse.self)
        _ = try api.send("POST", "/api/v1/conversations/\(started.conversationID)/pause")
        let error = #expect(throws: TaskError.self) {
            try api.invoke(Data(#"{"source":"orchestrated","user_id":"alice","tenant_id":"tenant-a","message":"hi","conversation_id":"\#(started.conversationID)"}"#.utf8))
        }
        #expect(error == .conversationNotActive("The conversation is paused."))
    }

    // MARK: Authorizer

    private func authorize(_ api: TestAPI, header: String?) throws -> (Bool, [String: String]) {
        struct Decision: Decodable {
            var isAuthorized: Bool
            var context: [String: String]
            enum CodingKeys: String, CodingKey { case isAuthorized, context }
        }
        let source = header.map { #"["\#($0)"]"# } ?? "[]"
        let event = #"{"version":"2.0","type":"REQUEST","routeArn":"arn:aws:execute-api:us-east-1:1:abc/$default/GET/api/v1/conversations","identitySource":\#(source),"routeKey":"GET /api/v1/conversations","rawPath":"/api/v1/conversations","headers":{},"requestContext":{"http":{"method":"GET"}}}"#
        let decision = try JSONDecoder().decode(Decision.self, from: try api.invoke(Data(event.utf8)))
        return (decision.isAuthorized, decision.context)
    }

    @Test func theAuthorizerAllowsValidTokensAndPassesTheClaims() throws {
        let api = TestAPI()
        let (allowed, context) = try authorize(api, header: "Bearer \(api.token())")
        #expect(allowed)
        #expect(context == ["user_id": "alice", "tenant_id": "tenant-a", "role": "owner"])
        #expect(try authorize(api, header: "Bearer \(api.token(lifetime: -600))") == (false, [:]))
        #expect(try authorize(api, header: "Basic YWxpY2U6c2VjcmV0") == (false, [:]))
        #expect(try authorize(api, header: nil) == (false, [:]))
        #expect(try authorize(TestAPI(verifier: false), header: "Bearer \(api.token())") == (false, [:]))
    }
}
