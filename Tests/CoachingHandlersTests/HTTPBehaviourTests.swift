import AWSCore
@testable import CoachingHandlers
import Foundation
import Testing
import TestSupport

/// Cross-cutting HTTP behaviour: CORS, metrics, health, errors.
@Suite struct HTTPBehaviourTests {
    @Test func corsHeadersForAllowedOriginsOnly() throws {
        let api = TestAPI(cors: ["https://app.purposepath.example"])
        let allowed = try api.send("GET", "/api/v1/health", headers: ["origin": "https://app.purposepath.example"])
        #expect(allowed.headers["access-control-allow-origin"] == "https://app.purposepath.example")
        let other = try api.send("GET", "/api/v1/health", headers: ["origin": "https://evil.example"])
        #expect(other.headers["access-control-allow-origin"] == nil)
        let preflight = try api.send("OPTIONS", "/api/v1/coaching/chat", headers: ["origin": "https://app.purposepath.example"], identity: .none)
        #expect(preflight.status == 204)
        #expect(preflight.headers["access-control-allow-headers"]?.contains("idempotency-key") == true)
        #expect(try TestAPI(cors: ["*"]).send("GET", "/api/v1/health", headers: ["origin": "https://x"]).headers["access-control-allow-origin"] == "*")
    }

    @Test func everyRequestRecordsItsLatencyByRoute() throws {
        let api = TestAPI()
        _ = try api.send("POST", "/api/v1/coaching/chat", body: #"{"message":"Hello, let's talk about goals"}"#)
        let records = api.metricsSink.lines
        #expect(records.contains { $0.contains(#""RequestLatency""#) && $0.contains(#""route":"POST /api/v1/coaching/chat""#) })
        #expect(records.contains { $0.contains(#""ModelFallback":0"#) && $0.contains(#""ModelInputTokens":0"#) })
    }

    @Test func readinessReflectsTheStore() throws {
        let api = TestAPI()
        let ready = try api.send("GET", "/api/v1/health/ready", identity: .none)
        #expect(ready.status == 200)
        #expect(ready.body.contains(#""status":"ready""#))
    }

    @Test func failuresCarryTheRequestIDAndNoInternals() throws {
        let api = TestAPI()
        let reply = try api.send("POST", "/api/v1/conversations/nope/message", body: #"{"user_message":"hi"}"#)
        #expect(reply.status == 404)
        #expect(reply.error?.errorCode == "CONVERSATION_NOT_FOUND")
        #expect(reply.error?.requestID == "req-1")
        #expect(!reply.body.contains("Swift"))
        #expect(!reply.body.contains("StoreError"))
    }

    @Test func validationAnswersListAtMost50Issues() throws {
        let api = TestAPI()
        let body = #"{"message":"hi""# + String(repeating: #","message":1"#, count: 80_000) + "}"
        let reply = try api.send("POST", "/api/v1/coaching/chat", body: body)
        #expect(reply.status == 422)
        #expect(reply.error?.details?.count == APIError.maxReportedIssues)
        #expect(reply.body.contains("(and 79999 more problems, the first 50 listed in details)"))
        // Listed in full, 80,000 issues would pass Lambda's 6 MB response limit.
        #expect(reply.body.utf8.count < 10_000)
        let few = try api.send("POST", "/api/v1/coaching/chat", body: #"{"message":"hi","message":2}"#)
        #expect(few.error?.details?.count == 1)
        #expect(few.body.contains(#""error":"message is given more than once.""#))
    }
}
