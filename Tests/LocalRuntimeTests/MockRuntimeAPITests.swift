import CurlHTTP
import Foundation
import HTTPTypes
import LocalRuntime
import Testing

/// The mock answers like AWS's Runtime Interface Emulator.
@Suite struct MockRuntimeAPITests {
    private let client: CurlHTTPClient

    init() throws { client = try CurlHTTPClient() }

    private func get(_ base: String, _ path: String) throws -> HTTPResponse {
        try client.perform(HTTPRequest(url: "http://\(base)/2018-06-01\(path)", timeoutMilliseconds: 5_000))
    }

    private func post(_ base: String, _ path: String, _ body: Data = Data("{}".utf8), headers: HTTPHeaders = [:]) throws -> HTTPResponse {
        try client.perform(HTTPRequest(method: .post, url: "http://\(base)/2018-06-01\(path)", headers: headers, body: body))
    }

    @Test func handsOutEventsWithTheInvocationHeaders() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(
            requestID: "req-1", event: Data(#"{"a":1}"#.utf8), traceID: "Root=1-abc", clientContext: "{}",
            cognitoIdentity: "{\"id\":1}", tenantID: "tenant-9"
        )])
        let base = try api.start()
        defer { api.stop() }
        let next = try get(base, "/runtime/invocation/next")
        #expect(next.status == 200)
        #expect(String(decoding: next.body, as: UTF8.self) == #"{"a":1}"#)
        #expect(next.headers["lambda-runtime-aws-request-id"] == "req-1")
        #expect(next.headers["lambda-runtime-trace-id"] == "Root=1-abc")
        #expect(next.headers["lambda-runtime-client-context"] == "{}")
        #expect(next.headers["lambda-runtime-cognito-identity"] == "{\"id\":1}")
        #expect(next.headers["lambda-runtime-aws-tenant-id"] == "tenant-9")
        #expect(next.headers["lambda-runtime-invoked-function-arn"]?.hasPrefix("arn:aws:lambda:") == true)
        let deadline = try #require(next.headers["lambda-runtime-deadline-ms"].flatMap { Int64($0) })
        #expect(deadline > Int64(Date().timeIntervalSince1970 * 1000))
    }

    @Test func acceptsOneAnswerThenRefusesASecond() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "r1", json: "{}")])
        let base = try api.start()
        defer { api.stop() }
        _ = try get(base, "/runtime/invocation/next")
        let first = try post(base, "/runtime/invocation/r1/response", Data("\"ok\"".utf8))
        #expect(first.status == 202)
        #expect(String(decoding: first.body, as: UTF8.self) == #"{"status":"OK"}"#)
        #expect(try post(base, "/runtime/invocation/r1/response").status == 403)
        #expect(try post(base, "/runtime/invocation/r1/error").status == 403)
        #expect(api.outcome(for: "r1") == .response(Data("\"ok\"".utf8)))
    }

    @Test func unknownRequestIDIs400() throws {
        let api = MockRuntimeAPI()
        let base = try api.start()
        defer { api.stop() }
        let response = try post(base, "/runtime/invocation/nope/response")
        #expect(response.status == 400)
        #expect(String(decoding: response.body, as: UTF8.self).contains("InvalidRequestID"))
    }

    @Test func oversizedResponseIs413AndFailsTheInvocation() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "big", json: "{}")])
        let base = try api.start()
        defer { api.stop() }
        _ = try get(base, "/runtime/invocation/next")
        let response = try post(base, "/runtime/invocation/big/response", Data(count: MockRuntimeAPI.maxResponseBytes + 1))
        #expect(response.status == 413)
        #expect(String(decoding: response.body, as: UTF8.self)
            == #"{"errorMessage":"Exceeded maximum allowed payload size (6291556 bytes).","errorType":"RequestEntityTooLarge"}"#)
        #expect(try post(base, "/runtime/invocation/big/error").status == 403)
        #expect(api.outcome(for: "big") == .tooLarge(bytes: MockRuntimeAPI.maxResponseBytes + 1))
    }

    @Test func responseAtTheLimitIsAccepted() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "edge", json: "{}")])
        let base = try api.start()
        defer { api.stop() }
        _ = try get(base, "/runtime/invocation/next")
        #expect(try post(base, "/runtime/invocation/edge/response", Data(count: MockRuntimeAPI.maxResponseBytes)).status == 202)
    }

    @Test func recordsErrorsWithTheirTypeHeader() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "e1", json: "{}")])
        let base = try api.start()
        defer { api.stop() }
        _ = try get(base, "/runtime/invocation/next")
        let body = Data(#"{"errorMessage":"m","errorType":"T","stackTrace":[]}"#.utf8)
        #expect(try post(base, "/runtime/invocation/e1/error", body, headers: ["Lambda-Runtime-Function-Error-Type": "Function.T"]).status == 202)
        #expect(api.outcome(for: "e1") == .error(type: "Function.T", body: body))
    }

    @Test func answers500OnceDrainedAndStopping() throws {
        let api = MockRuntimeAPI(events: [])
        let base = try api.start()
        defer { api.stop() }
        #expect(try get(base, "/runtime/invocation/next").status == 500)
    }

    @Test func longPollWaitsForAnEnqueuedEvent() throws {
        let api = MockRuntimeAPI(options: .init(stopWhenDrained: false))
        let base = try api.start()
        defer { api.stop() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) {
            api.enqueue(MockInvocation(requestID: "late", json: "{}"))
        }
        let next = try get(base, "/runtime/invocation/next")
        #expect(next.headers["lambda-runtime-aws-request-id"] == "late")
    }

    @Test func initErrorIsRecordedOnlyBeforeTheFirstInvocation() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "x", json: "{}")])
        let base = try api.start()
        defer { api.stop() }
        #expect(try post(base, "/runtime/init/error", headers: ["Lambda-Runtime-Function-Error-Type": "Runtime.Bad"]).status == 202)
        #expect(api.initError?.type == "Runtime.Bad")
        #expect(try post(base, "/runtime/init/error").status == 403)
    }

    @Test func dropsTheFirstPollsWhenAsked() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "d", json: "{}")], options: .init(dropFirstPolls: 1))
        let base = try api.start()
        defer { api.stop() }
        #expect(throws: HTTPClientError.connectionLost) { _ = try get(base, "/runtime/invocation/next") }
        #expect(try get(base, "/runtime/invocation/next").status == 200)
    }

    @Test func unknownPathsAre404() throws {
        let api = MockRuntimeAPI()
        let base = try api.start()
        defer { api.stop() }
        #expect(try get(base, "/runtime/other").status == 404)
        #expect(try client.perform(HTTPRequest(url: "http://\(base)/elsewhere")).status == 404)
    }
}
