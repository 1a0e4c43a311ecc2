import Foundation
import LambdaRuntime
import LocalRuntime
import Testing
import TestSupport

/// The real loop, over real HTTP, against the mock Runtime API.
/// Serialized: the loop exports `_X_AMZN_TRACE_ID`, which is process-wide.
@Suite(.serialized) struct RuntimeLoopTests {
    private struct Refusal: LambdaFunctionError {
        var errorType: String { "ValidationFailed" }
        var errorMessage: String { "message must not be blank" }
    }

    private struct Crash: Error {}

    private func run(
        _ api: MockRuntimeAPI,
        sink: CapturingLogSink = CapturingLogSink(),
        maxInvocations: Int? = nil,
        _ body: @escaping (Data, LambdaContext) throws -> Data
    ) throws -> RuntimeExit {
        let address = try api.start()
        let loop = RuntimeLoop(
            client: try RuntimeAPIClient(endpoint: try RuntimeAPIEndpoint(address)),
            handler: ClosureHandler(body),
            function: FunctionMetadata(),
            logger: Logger(service: "test", sink: sink)
        )
        return loop.run(maxInvocations: maxInvocations)
    }

    @Test func answersEveryEventInOrderThenExitsOn500() throws {
        let api = MockRuntimeAPI(events: (1...3).map { MockInvocation(requestID: "r\($0)", json: "{\"n\":\($0)}") })
        defer { api.stop() }
        let exit = try run(api) { event, _ in event }
        #expect(exit == .runtimeAPIStatus(500))
        #expect(exit.exitCode == 0)
        let outcomes = api.waitForOutcomes(count: 3, timeout: 1)
        #expect(outcomes.map(\.requestID) == ["r1", "r2", "r3"])
        #expect(outcomes.map(\.outcome) == (1...3).map { .response(Data("{\"n\":\($0)}".utf8)) })
    }

    @Test func handlerErrorsArePostedAndTheLoopGoesOn() throws {
        let api = MockRuntimeAPI(events: [
            MockInvocation(requestID: "typed", json: "{}"),
            MockInvocation(requestID: "untyped", json: "{}"),
            MockInvocation(requestID: "fine", json: "{}"),
        ])
        defer { api.stop() }
        let sink = CapturingLogSink()
        _ = try run(api, sink: sink) { _, context in
            switch context.requestID {
            case "typed": throw Refusal()
            case "untyped": throw Crash()
            default: return Data("\"ok\"".utf8)
            }
        }
        #expect(api.outcome(for: "typed") == .error(
            type: "Function.ValidationFailed",
            body: Data(#"{"errorMessage":"message must not be blank","errorType":"ValidationFailed","stackTrace":[]}"#.utf8)
        ))
        #expect(api.outcome(for: "untyped") == .error(
            type: "Function.UnhandledError",
            body: Data(#"{"errorMessage":"The function failed with an unexpected error.","errorType":"UnhandledError","stackTrace":[]}"#.utf8)
        ))
        #expect(api.outcome(for: "fine") == .response(Data("\"ok\"".utf8)))
        #expect(sink.text.contains(#""errorType":"ValidationFailed""#))
        let errorPost = try #require(api.requests.first { $0.path.hasSuffix("/typed/error") })
        #expect(errorPost.headers.contains { $0.0.lowercased() == "content-type" && $0.1 == "application/vnd.aws.lambda.error+json" })
    }

    @Test func aResponseRefusedAs413IsNeverFollowedByAnErrorPost() throws {
        let api = MockRuntimeAPI(events: [
            MockInvocation(requestID: "huge", json: "{}"),
            MockInvocation(requestID: "after", json: "{}"),
        ])
        defer { api.stop() }
        let sink = CapturingLogSink()
        _ = try run(api, sink: sink) { _, context in
            context.requestID == "huge" ? Data(count: RuntimeAPIClient.maxResponseBytes + 10) : Data("1".utf8)
        }
        #expect(api.outcome(for: "huge") == .tooLarge(bytes: RuntimeAPIClient.maxResponseBytes + 10))
        #expect(!api.requests.contains { $0.path.hasSuffix("/huge/error") })
        #expect(api.outcome(for: "after") == .response(Data("1".utf8)))
        #expect(sink.text.contains("response refused as too large"))
    }

    @Test func exitsAtOnceWhenNextAnswers500() throws {
        let api = MockRuntimeAPI(events: [])
        defer { api.stop() }
        var calls = 0
        let exit = try run(api) { event, _ in calls += 1; return event }
        #expect(exit == .runtimeAPIStatus(500))
        #expect(calls == 0)
        #expect(api.requests.filter { $0.path.hasSuffix("/next") }.count == 1)
    }

    @Test func retriesNextAfterTheConnectionDrops() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "survivor", json: "{}")], options: .init(dropFirstPolls: 2))
        defer { api.stop() }
        let sink = CapturingLogSink()
        _ = try run(api, sink: sink) { event, _ in event }
        #expect(api.outcome(for: "survivor") == .response(Data("{}".utf8)))
        #expect(sink.lines.filter { $0.contains("next failed at the transport level") }.count == 2)
    }

    @Test func givesUpWhenTheRuntimeAPIIsGone() throws {
        let server = LocalHTTPServer { _ in ServerResponse(status: 200) }
        let port = try server.start()
        server.stop()
        let loop = RuntimeLoop(
            client: try RuntimeAPIClient(endpoint: try RuntimeAPIEndpoint("127.0.0.1:\(port)")),
            handler: ClosureHandler { event, _ in event },
            function: FunctionMetadata(),
            logger: Logger(service: "test", sink: CapturingLogSink())
        )
        let exit = loop.run()
        guard case .transportFailure = exit else {
            Issue.record("expected a transport failure, got \(exit)")
            return
        }
        #expect(exit.exitCode == 1)
    }

    @Test func exportsTheTraceIDForEachInvocation() throws {
        let api = MockRuntimeAPI(events: [
            MockInvocation(requestID: "traced", event: Data("{}".utf8), traceID: "Root=1-65-abc;Sampled=1"),
            MockInvocation(requestID: "untraced", event: Data("{}".utf8), traceID: nil),
        ])
        defer { api.stop() }
        _ = try run(api) { _, _ in
            Data((ProcessInfo.processInfo.environment["_X_AMZN_TRACE_ID"] ?? "none").utf8)
        }
        #expect(api.outcome(for: "traced") == .response(Data("Root=1-65-abc;Sampled=1".utf8)))
        #expect(api.outcome(for: "untraced") == .response(Data("none".utf8)))
    }

    @Test func anInheritedTraceIDIsClearedForAnUntracedInvocation() throws {
        setenv("_X_AMZN_TRACE_ID", "Root=inherited", 1)
        defer { unsetenv("_X_AMZN_TRACE_ID") }
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "first", event: Data("{}".utf8), traceID: nil)])
        defer { api.stop() }
        _ = try run(api) { _, _ in
            Data((ProcessInfo.processInfo.environment["_X_AMZN_TRACE_ID"] ?? "none").utf8)
        }
        #expect(api.outcome(for: "first") == .response(Data("none".utf8)))
    }

    @Test func requestIDsThatAreNotURLSafeArePercentEncoded() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "a b/c", event: Data("{}".utf8))])
        defer { api.stop() }
        _ = try run(api) { event, _ in event }
        #expect(api.requests.contains { $0.path.hasSuffix("/invocation/a%20b%2Fc/response") })
    }

    @Test func theHandlerSeesTheInvocationContext() throws {
        let deadline = String(Int64(Date().timeIntervalSince1970 * 1000) + 5_000)
        let api = MockRuntimeAPI(events: [MockInvocation(
            requestID: "ctx", event: Data("{}".utf8), deadline: .some(deadline), tenantID: "tenant-a"
        )])
        defer { api.stop() }
        _ = try run(api) { _, context in
            let remaining = context.remainingMilliseconds()
            return Data("\(context.requestID) \(context.tenantID ?? "-") \(context.isColdStart) \(remaining > 3_000 && remaining <= 5_000)".utf8)
        }
        #expect(api.outcome(for: "ctx") == .response(Data("ctx tenant-a true true".utf8)))
    }

    @Test func stopsAfterMaxInvocations() throws {
        let api = MockRuntimeAPI(events: (1...5).map { MockInvocation(requestID: "m\($0)", json: "{}") })
        defer { api.stop() }
        let exit = try run(api, maxInvocations: 2) { event, _ in event }
        #expect(exit == .invocationLimitReached)
        #expect(api.waitForOutcomes(count: 2, timeout: 1).count == 2)
    }

    @Test func initializationFailuresAreReported() throws {
        struct BadConfiguration: LambdaFunctionError {
            var errorType: String { "InvalidConfiguration" }
            var errorMessage: String { "LLM_PROVIDER: unknown provider" }
        }
        let api = MockRuntimeAPI(events: [])
        let address = try api.start()
        defer { api.stop() }
        let sink = CapturingLogSink()
        reportInitializationFailure(BadConfiguration(), runtimeAPI: address, logger: Logger(service: "t", sink: sink))
        let reported = try #require(api.initError)
        #expect(reported.type == "Runtime.InvalidConfiguration")
        #expect(String(decoding: reported.body, as: UTF8.self).contains(#""errorType":"InvalidConfiguration""#))
        #expect(sink.text.contains(#""level":"FATAL""#))
    }
}
