import Foundation
import LocalRuntime
import Testing
import TestSupport

/// The built `bootstrap` executable, as Lambda and developers run it.
@Suite struct BootstrapProcessTests {
    private let bootstrap = PackagePaths.bootstrap

    @Test func servesEventsThroughTheRealLoopAndExitsWhenTold() throws {
        let api = MockRuntimeAPI(events: [
            MockInvocation(requestID: "h1", event: try Data(contentsOf: PackagePaths.event("http/health.json"))),
            MockInvocation(requestID: "bad", json: "not json"),
        ])
        let address = try api.start()
        defer { api.stop() }
        let result = try ProcessRunner.run(bootstrap, environment: ["AWS_LAMBDA_RUNTIME_API": address, "LLM_PROVIDER": nil])
        #expect(result.status == 0)
        let health = try #require(api.outcome(for: "h1")?.responseBody)
        #expect(String(decoding: health, as: UTF8.self).contains(#"\"status\":\"healthy\""#))
        guard case .error(let type, let body)? = api.outcome(for: "bad") else {
            Issue.record("expected an error outcome")
            return
        }
        #expect(type == "Function.UnsupportedEvent")
        #expect(String(decoding: body, as: UTF8.self).contains(#""errorType":"UnsupportedEvent""#))
        // Every log line is JSON on stderr and carries the request id.
        let lines = result.standardError.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("{") })
        #expect(result.standardOutput.isEmpty)
    }

    @Test func unknownProviderIsReportedToInitErrorThenExitsNonZero() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "never", json: "{}")])
        let address = try api.start()
        defer { api.stop() }
        let result = try ProcessRunner.run(bootstrap, environment: ["AWS_LAMBDA_RUNTIME_API": address, "LLM_PROVIDER": "nonsense"])
        #expect(result.status == 1)
        let initError = try #require(api.initError)
        #expect(initError.type == "Runtime.InvalidConfiguration")
        #expect(String(decoding: initError.body, as: UTF8.self).contains("LLM_PROVIDER"))
        #expect(!api.requests.contains { $0.path.hasSuffix("/next") })
    }

    @Test func invokeRunsAnEventInProcess() throws {
        let result = try ProcessRunner.run(bootstrap, arguments: ["invoke", PackagePaths.event("http/health.json").path])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains(#""statusCode":200"#))
    }

    @Test func invokeReportsUnreadableFiles() throws {
        let result = try ProcessRunner.run(bootstrap, arguments: ["invoke", "/nonexistent/event.json"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("cannot read /nonexistent/event.json"))
    }

    @Test func localRunsEventsThroughAChildRuntime() throws {
        let event = PackagePaths.event("http/health.json").path
        let result = try ProcessRunner.run(PackagePaths.coachingDev, arguments: ["local", event, event])
        #expect(result.status == 0)
        #expect(result.standardOutput.split(separator: "\n").count == 2)
        #expect(result.standardOutput.contains(#""statusCode":200"#))
    }

    @Test func withoutARuntimeAPIItExplainsItself() throws {
        let result = try ProcessRunner.run(bootstrap, environment: ["AWS_LAMBDA_RUNTIME_API": nil])
        #expect(result.status == 2)
        #expect(result.standardError.contains("AWS_LAMBDA_RUNTIME_API is not set"))
    }

    @Test func unknownCommandsPrintUsage() throws {
        let result = try ProcessRunner.run(bootstrap, arguments: ["frobnicate"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("usage: bootstrap"))
    }
}
