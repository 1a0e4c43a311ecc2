import Essentials
import Coaching
@testable import CoachingHandlers
import Foundation
import LambdaRuntime
import Testing
import TestSupport

/// A coach whose reply alone is larger than Lambda's 6 MB response limit.
private struct OversizedCoach: Coach {
    func reply(to turn: CoachingTurn, deadline: Deadline) throws(CoachError) -> CoachReply {
        CoachReply(text: String(repeating: "a\u{301}\u{302}\u{303}", count: 1_000_000) + "?", model: "oversized")
    }
}

/// Issue 20: an answer over the 6 MB limit was handed to the Runtime API,
/// refused there, and reached the client as a bare 502 from API Gateway.
@Suite struct ResponseSizeTests {
    @Test func anOversizedAnswerBecomesAnErrorEnvelope() throws {
        let api = TestAPI(coach: OversizedCoach())
        let output = try api.invoke(HTTPEvents.v2("POST", "/api/v1/coaching/chat", body: #"{"message":"Hello there"}"#,
                                                  identity: .authorizer(user: "alice", tenant: "tenant-a")))
        #expect(output.count <= RuntimeAPIClient.maxResponseBytes)
        let reply = try TestAPI.Reply(JSONDecoder().decode(TestAPI.ProxyResponse.self, from: output))
        #expect(reply.status == 500)
        #expect(reply.error?.errorCode == "INTERNAL_ERROR")
        #expect(reply.error?.requestID != nil)
        #expect(api.logs.lines.contains { $0.contains("response too large") })
    }
}
