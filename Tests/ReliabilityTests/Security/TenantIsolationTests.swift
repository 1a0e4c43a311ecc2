import CoachingContracts
import Foundation
import LocalRuntime
import Testing
import TestSupport

/// OWASP API1 (broken object-level authorization) end to end: another
/// tenant's, or another user's, conversation and session ids are not found
/// on every route, through every way identity arrives; listings never leak;
/// the victim's data is unchanged afterwards.
@Suite struct TenantIsolationTests {
    @Test func anotherTenantsIDsAreNotFoundOnEveryRoute() throws {
        let data = try TemporaryDirectory(prefix: "reliability-tenants")
        defer { data.remove() }
        let runtime = try RuntimeProcess(environment: Tokens.environment.merging(["COACHING_DATA_DIR": data.url.path]) { $1 })
        let started = try runtime.http(Events.http("POST", "/api/v1/conversations/initiate", body: #"{"topic":"vision"}"#))
            .data(InitiateConversationResponse.self)
        let chat = try runtime.http(Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"Our vision, please"}"#))
            .data(CoachingResponse.self)
        let (id, session) = (started.conversationID, started.sessionID)
        let firstPage = try runtime.http(Events.http("GET", "/api/v1/conversations", query: ["limit": "1"]))
            .data(ListPage<ConversationSummary>.self)
        let aliceCursor = try #require(firstPage.nextCursor)

        let intruders: [(String, Events.Identity)] = [
            ("same user id, other tenant", .authorizer(user: "alice", tenant: "tenant-b")),
            ("other user, same tenant", .authorizer(user: "bob", tenant: "tenant-a")),
            ("Bearer token of another tenant", .bearer(Tokens.valid(user: "mallory", tenant: "tenant-b"))),
        ]
        for (who, identity) in intruders {
            let attempts: [(String, Data)] = [
                ("GET conversation", Events.http("GET", "/api/v1/conversations/\(id)", identity: identity)),
                ("message", Events.http("POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"hijack"}"#, identity: identity)),
                ("pause", Events.http("POST", "/api/v1/conversations/\(id)/pause", body: "{}", identity: identity)),
                ("resume", Events.http("POST", "/api/v1/conversations/\(id)/resume", identity: identity)),
                ("complete", Events.http("POST", "/api/v1/conversations/\(id)/complete", body: #"{"rating":1}"#, identity: identity)),
                ("delete", Events.http("DELETE", "/api/v1/conversations/\(id)", identity: identity)),
                ("chat into it", Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"hijack","conversation_id":"\#(chat.conversationID)"}"#,
                                             identity: identity)),
                ("GET session", Events.http("GET", "/api/v1/sessions/\(session)", identity: identity)),
            ]
            for (route, event) in attempts {
                let reply = try runtime.http(event)
                #expect(reply.status == 404, "\(who): \(route) answered \(reply.status)")
                ResponseHygiene.check(reply, "\(who): \(route)")
                // Indistinguishable from an id that exists nowhere: no existence oracle.
                let nowhere = String(decoding: event, as: UTF8.self)
                    .replacingOccurrences(of: id, with: "no-such-conversation")
                    .replacingOccurrences(of: chat.conversationID, with: "no-such-conversation")
                    .replacingOccurrences(of: session, with: "no-such-session")
                let missing = try runtime.http(Data(nowhere.utf8))
                #expect(missing.status == reply.status && missing.error?.error == reply.error?.error, "\(who): \(route)")
            }
            for listing in ["/api/v1/conversations", "/api/v1/sessions"] {
                let page = try runtime.http(Events.http("GET", listing, identity: identity))
                #expect(page.status == 200)
                #expect(!page.body.contains(id) && !page.body.contains(chat.conversationID) && !page.body.contains(session), "\(who): \(listing)")
            }
            let stolen = try runtime.http(Events.http("GET", "/api/v1/conversations", query: ["cursor": aliceCursor], identity: identity))
            #expect(stolen.status == 422, "\(who): a cursor of alice's listing")
        }
        // Pattern B with another tenant's ids in the payload.
        let task = try runtime.invoke(Events.task(message: "hijack", user: "mallory", tenant: "tenant-b", conversationID: id))
        #expect(task.lambdaError?.report.errorType == "ConversationNotFound")
        let rest = try runtime.http(Events.rest("GET", "/api/v1/conversations/\(id)", identity: .authorizer(user: "alice", tenant: "tenant-b")))
        #expect(rest.status == 404)

        // Alice's conversations are untouched.
        let detail = try runtime.http(Events.http("GET", "/api/v1/conversations/\(id)")).data(ConversationDetail.self)
        #expect(detail.summary.status == .active)
        #expect(detail.summary.messageCount == 1)
        let other = try runtime.http(Events.http("GET", "/api/v1/conversations/\(chat.conversationID)")).data(ConversationDetail.self)
        #expect(other.messages.map(\.content).allSatisfy { !$0.contains("hijack") })
        #expect(try runtime.http(Events.http("GET", "/api/v1/conversations")).data(ListPage<ConversationSummary>.self).items.count == 2)
        #expect(runtime.finish() == 0)
    }
}
