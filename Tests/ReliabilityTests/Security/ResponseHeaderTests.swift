import CoachingContracts
import Foundation
import LocalRuntime
import Testing
import TestSupport

/// Every route's answers from the real process, successes and failures:
/// JSON with its content type, lower-case header names, no header or body
/// that names the server or its internals, the headers each status needs,
/// and CORS only for configured origins.
@Suite struct ResponseHeaderTests {
    static let origin = "https://app.purposepath.example"

    @Test func everyAnswerIsCleanJSON() throws {
        let data = try TemporaryDirectory(prefix: "reliability-headers")
        defer { data.remove() }
        let runtime = try RuntimeProcess(environment: Tokens.environment.merging([
            "COACHING_DATA_DIR": data.url.path, "CORS_ALLOWED_ORIGINS": Self.origin,
        ]) { $1 })
        let headers = ["origin": Self.origin]
        let started = try runtime.http(Events.http("POST", "/api/v1/conversations/initiate", body: #"{"topic":"goals"}"#, headers: headers))
        let id = try started.data(InitiateConversationResponse.self).conversationID
        let session = try started.data(InitiateConversationResponse.self).sessionID
        let requests: [(String, Data, Int)] = [
            ("health", Events.http("GET", "/api/v1/health", headers: headers, identity: .none), 200),
            ("ready", Events.http("GET", "/api/v1/health/ready", headers: headers, identity: .none), 200),
            ("chat", Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"Hello"}"#, headers: headers), 200),
            ("message", Events.http("POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"Grow"}"#, headers: headers), 200),
            ("get", Events.http("GET", "/api/v1/conversations/\(id)", headers: headers), 200),
            ("list", Events.http("GET", "/api/v1/conversations", headers: headers), 200),
            ("pause", Events.http("POST", "/api/v1/conversations/\(id)/pause", headers: headers), 200),
            ("resume", Events.http("POST", "/api/v1/conversations/\(id)/resume", headers: headers), 200),
            ("session", Events.http("GET", "/api/v1/sessions/\(session)", headers: headers), 200),
            ("sessions", Events.http("GET", "/api/v1/sessions", headers: headers), 200),
            ("complete", Events.http("POST", "/api/v1/conversations/\(id)/complete", body: #"{"rating":5}"#, headers: headers), 200),
            ("not active", Events.http("POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"x"}"#, headers: headers), 409),
            ("delete completed", Events.http("DELETE", "/api/v1/conversations/\(id)", headers: headers), 409),
            ("malformed", Events.http("POST", "/api/v1/coaching/chat", body: "{", headers: headers), 400),
            ("unauthorized", Events.http("GET", "/api/v1/conversations", headers: headers, identity: .none), 401),
            ("not found", Events.http("GET", "/api/v1/conversations/nope", headers: headers), 404),
            ("no route", Events.http("GET", "/api/v1/nope", headers: headers), 404),
            ("wrong method", Events.http("PUT", "/api/v1/health", headers: headers), 405),
            ("too large", Events.http("POST", "/api/v1/coaching/chat", body: String(repeating: " ", count: 1_100_000), headers: headers), 413),
            ("media type", Events.http("POST", "/api/v1/coaching/chat", body: "x", headers: ["content-type": "text/plain", "origin": Self.origin]), 415),
            ("invalid", Events.http("POST", "/api/v1/coaching/chat", body: "{}", headers: headers), 422),
        ]
        for (name, event, status) in requests {
            let reply = try runtime.http(event)
            #expect(reply.status == status, "\(name): \(reply.body.prefix(200))")
            ResponseHygiene.check(reply, name)
            #expect(reply.headers["access-control-allow-origin"] == Self.origin, "\(name)")
            #expect(reply.headers["vary"] == "origin", "\(name)")
            #expect(reply.headers["access-control-allow-credentials"] == nil, "\(name)")
            if status >= 400 {
                let envelope = try #require(reply.error, "\(name)")
                #expect(envelope.requestID == "api-request", "\(name)")
                #expect(!envelope.error.isEmpty)
            } else {
                #expect(reply.body.hasPrefix(#"{"data":"#) && reply.body.hasSuffix(#""success":true}"#), "\(name)")
            }
        }
        let unauthorized = try runtime.http(Events.http("GET", "/api/v1/conversations", identity: .none))
        #expect(unauthorized.headers["www-authenticate"] == "Bearer")
        #expect(try runtime.http(Events.http("PUT", "/api/v1/health", identity: .none)).headers["allow"] == "GET")
        // Another origin gets no CORS headers; a preflight from the allowed one gets them, with no body.
        let foreign = try runtime.http(Events.http("GET", "/api/v1/health", headers: ["origin": "https://evil.example"], identity: .none))
        #expect(foreign.headers.keys.allSatisfy { !$0.hasPrefix("access-control-") })
        let preflight = try runtime.http(Events.http("OPTIONS", "/api/v1/coaching/chat", headers: headers, identity: .none))
        #expect(preflight.status == 204 && preflight.body.isEmpty)
        #expect(preflight.headers["access-control-allow-methods"] == "GET, POST, DELETE, OPTIONS")
        #expect(runtime.finish() == 0)
    }
}
