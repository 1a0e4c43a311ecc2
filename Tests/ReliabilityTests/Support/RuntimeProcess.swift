import Foundation
import LocalRuntime
import TestSupport

/// One real `bootstrap` process (the built executable, as Lambda runs it)
/// polling its own mock Runtime API on loopback.
///
/// The process gets exactly the environment given (plus the Runtime API
/// address), so nothing from the test machine changes its behaviour. Its
/// stdout and stderr go to a log file the tests read. It stops by itself:
/// ``finish(timeout:)`` makes the mock answer 500 once drained, and
/// `deinit` kills a process that is still running.
final class RuntimeProcess: @unchecked Sendable {
    let api: MockRuntimeAPI
    let child: ChildWatcher
    let logPath: String

    /// The variables every process gets: JSON logs, the offline coach, no AWS.
    static let baseEnvironment: [String: String] = [
        "AWS_LAMBDA_FUNCTION_NAME": "coaching",
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_LOG_FORMAT": "JSON",
        "LLM_PROVIDER": "offline",
    ]

    init(environment: [String: String], options: MockRuntimeAPI.Options = .init(stopWhenDrained: false),
         events: [MockInvocation] = []) throws {
        api = MockRuntimeAPI(events: events, options: options)
        let address = try api.start()
        logPath = FileManager.default.temporaryDirectory.appendingPathComponent("bootstrap-\(UUID().uuidString).log").path
        var childEnvironment = Self.baseEnvironment.merging(environment) { _, new in new }
        childEnvironment["AWS_LAMBDA_RUNTIME_API"] = address
        // Under `swift test --enable-code-coverage` the child's profile goes with the others, not into the working directory.
        childEnvironment["LLVM_PROFILE_FILE"] = ProcessInfo.processInfo.environment["LLVM_PROFILE_FILE"]
        child = try ChildWatcher.spawn(
            executable: PackagePaths.bootstrap.path, arguments: [], environment: childEnvironment, outputPath: logPath
        )
    }

    deinit {
        if !child.hasExited {
            api.finishWhenDrained()
            if child.waitForExit(timeout: 2) == nil { child.kill(SIGKILL) }
        }
        api.stop()
        try? FileManager.default.removeItem(atPath: logPath)
    }

    var isRunning: Bool { !child.hasExited }

    /// Queues `event` and waits for the runtime's answer to it.
    @discardableResult
    func invoke(_ event: Data, requestID: String = UUID().uuidString.lowercased(), deadline: String?? = .none,
                timeout: TimeInterval = 30) throws -> InvocationOutcome {
        api.enqueue(MockInvocation(requestID: requestID, event: event, deadline: deadline))
        return try waitForOutcome(requestID, timeout: timeout)
    }

    /// Sends an API Gateway event and reads the proxy response.
    func http(_ event: Data, requestID: String = UUID().uuidString.lowercased(), deadline: String?? = .none,
              timeout: TimeInterval = 30) throws -> GatewayReply {
        let outcome = try invoke(event, requestID: requestID, deadline: deadline, timeout: timeout)
        guard let reply = outcome.gatewayReply else { throw HarnessError.unexpectedOutcome("\(outcome.summary)") }
        return reply
    }

    /// Waits for the outcome of `requestID`; throws when none comes in time
    /// or the process has died.
    func waitForOutcome(_ requestID: String, timeout: TimeInterval) throws -> InvocationOutcome {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let outcome = api.outcome(for: requestID) { return outcome }
            if child.hasExited, api.outcome(for: requestID) == nil {
                throw HarnessError.processExited(status: child.exitStatus, log: logTail)
            }
            usleep(500)
        }
        throw HarnessError.noOutcome(requestID: requestID, log: logTail)
    }

    /// Lets the process finish: the mock answers 500 once its queue is
    /// empty and the runtime exits. Returns the exit status.
    @discardableResult
    func finish(timeout: TimeInterval = 10) -> Int32? {
        api.finishWhenDrained()
        return child.waitForExit(timeout: timeout)
    }

    /// Everything the process wrote (its JSON log lines on stderr).
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    var logLines: [Substring] { log.split(separator: "\n") }

    private var logTail: String { String(log.suffix(2_000)) }
}

enum HarnessError: Error, CustomStringConvertible {
    case noOutcome(requestID: String, log: String)
    case processExited(status: Int32?, log: String)
    case unexpectedOutcome(String)

    var description: String {
        switch self {
        case .noOutcome(let id, let log): "no outcome for \(id); log tail:\n\(log)"
        case .processExited(let status, let log): "the runtime exited (\(status.map(String.init) ?? "?")); log tail:\n\(log)"
        case .unexpectedOutcome(let summary): "unexpected outcome: \(summary)"
        }
    }
}
