@testable import CoachingHandlers
import Foundation
import Testing
import TestSupport

/// Issue 20: anonymous `GET /health/ready` read both tables on every call and
/// told anyone the service's name and version along with the store's state.
@Suite struct ReadinessTests {
    @Test func theProbeIsReusedForAFewSeconds() {
        let cache = ReadinessCache()
        var probes = 0
        for offset in stride(from: Int64(0), to: 4_900, by: 100) {
            #expect(cache.ready(now: 1_000_000 + offset) { probes += 1; return true })
        }
        #expect(probes == 1)
        #expect(!cache.ready(now: 1_000_000 + ReadinessCache.reuseMilliseconds) { probes += 1; return false })
        #expect(probes == 2)
        #expect(!cache.ready(now: 1_000_000 + ReadinessCache.reuseMilliseconds + 10) { probes += 1; return true })
        #expect(probes == 2)
        // A clock that went backwards probes again rather than trusting the cache.
        #expect(cache.ready(now: 10) { probes += 1; return true })
        #expect(probes == 3)
    }

    @Test func theAnonymousAnswerSaysOnlyReady() throws {
        let api = TestAPI()
        let reply = try api.send("GET", "/api/v1/health/ready", identity: .none)
        #expect(reply.status == 200)
        #expect(reply.body == #"{"data":{"status":"ready"},"success":true}"#)
    }
}
