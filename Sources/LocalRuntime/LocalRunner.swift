import FoundationEssentials

/// Runs events through a real runtime process against the mock Runtime API:
/// what `bootstrap local` and `make local` do.
///
/// The runtime is started as a child process with `AWS_LAMBDA_RUNTIME_API`
/// pointing at the mock, so the whole path is exercised: process start, the
/// libcurl loop, HTTP on loopback, and the exit when the mock answers 500.
package struct LocalRunner {
    package struct Result: Sendable {
        package var outcomes: [(requestID: String, outcome: InvocationOutcome)]
        package var initError: (type: String?, body: Data)?
        package var exitStatus: Int32
    }

    package var executable: String
    package var environment: [String: String]

    package init(executable: String, environment: [String: String]) {
        self.executable = executable
        self.environment = environment
    }

    /// Feeds `events` in order, waits for every answer and for the runtime to
    /// exit (the mock answers 500 once the queue is empty).
    package func run(events: [MockInvocation], timeoutSeconds: Double = 60) throws(SocketError) -> Result {
        let api = MockRuntimeAPI(events: events, options: .init(stopWhenDrained: true))
        let address = try api.start()
        defer { api.stop() }
        var childEnvironment = environment
        childEnvironment["AWS_LAMBDA_RUNTIME_API"] = address
        let child = try ChildProcess.spawn(executable: executable, arguments: [], environment: childEnvironment)
        let exitStatus = child.wait()
        let outcomes = api.waitForOutcomes(count: events.count, timeout: exitStatus == 0 ? timeoutSeconds : 0)
        return Result(outcomes: outcomes, initError: api.initError, exitStatus: exitStatus)
    }
}
