import Foundation
import LocalRuntime
import Testing
import TestSupport

/// The Runtime API misbehaving under a real `bootstrap`: connections closed
/// mid-poll are retried (a bounded number of times), and a response refused
/// with 413 is not followed by an error report.
@Suite struct RuntimeAPIFaultTests {
    @Test func pollsClosedMidwayAreRetried() throws {
        let data = try TemporaryDirectory(prefix: "reliability-drops")
        defer { data.remove() }
        let runtime = try RuntimeProcess(environment: ["COACHING_DATA_DIR": data.url.path],
                                         options: .init(dropFirstPolls: 3, stopWhenDrained: false))
        let reply = try runtime.http(Events.http("GET", "/api/v1/health", identity: .none))
        #expect(reply.status == 200)
        #expect(runtime.api.requests.filter { $0.path.hasSuffix("/next") }.count >= 4)
        #expect(runtime.logLines.filter { $0.contains("next failed at the transport level") }.count == 3)
        #expect(try runtime.http(Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"Still here?"}"#)).status == 200)
        #expect(runtime.finish() == 0)
    }

    @Test func aRuntimeAPIThatKeepsClosingEndsTheProcess() throws {
        let data = try TemporaryDirectory(prefix: "reliability-gone")
        defer { data.remove() }
        let runtime = try RuntimeProcess(environment: ["COACHING_DATA_DIR": data.url.path],
                                         options: .init(dropFirstPolls: 100, stopWhenDrained: false))
        // Four attempts at `next` fail, then the runtime exits non-zero by itself.
        #expect(runtime.child.waitForExit(timeout: 10) == 1)
        #expect(runtime.api.requests.filter { $0.path.hasSuffix("/next") }.count == 4)
        #expect(runtime.logLines.contains { $0.contains("next kept failing; exiting") })
    }

    @Test func aResponseRefusedAs413IsNotReportedAgain() throws {
        let data = try TemporaryDirectory(prefix: "reliability-413")
        defer { data.remove() }
        // Lambda's limit is 6 MB; no route answers that much, so the mock's limit is lowered.
        let runtime = try RuntimeProcess(environment: ["COACHING_DATA_DIR": data.url.path],
                                         options: .init(stopWhenDrained: false, maxResponseBytes: 700))
        let big = try runtime.invoke(Events.http("POST", "/api/v1/conversations/initiate", body: #"{"topic":"vision"}"#),
                                     requestID: "too-large")
        guard case .tooLarge(let bytes) = big else {
            Issue.record("expected a 413, got \(big.summary)")
            return
        }
        #expect(bytes > 700)
        #expect(try runtime.http(Events.http("GET", "/api/v1/health", identity: .none)).status == 200)
        #expect(!runtime.api.requests.contains { $0.path.contains("/too-large/error") })
        #expect(runtime.api.requests.filter { $0.path.contains("/too-large/") }.count == 1)
        #expect(runtime.logLines.contains { $0.contains("response refused as too large") && $0.contains("too-large") })
        #expect(runtime.finish() == 0)
    }
}
