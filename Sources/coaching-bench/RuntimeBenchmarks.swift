import FoundationEssentials
import LocalRuntime

/// Cold start and warm overhead of any program that speaks the Lambda
/// Runtime API, measured against the in-repo mock over loopback.
enum RuntimeBenchmarks {
    /// `coldstart LABEL RUNS EXECUTABLE [ARGS...]`: time from spawning the
    /// process to its first `GET /next`, over RUNS fresh processes.
    static func coldStart(_ arguments: [String]) throws -> [BenchmarkResult] {
        guard arguments.count >= 3, let runs = Int(arguments[1]) else {
            throw BenchmarkError.usage("coldstart LABEL RUNS EXECUTABLE [ARGS...]")
        }
        let label = arguments[0]
        var samples: [Double] = []
        for _ in 0..<runs {
            let api = MockRuntimeAPI(events: [], options: .init(stopWhenDrained: true))
            let address = try api.start()
            let started = MonotonicClock.nanoseconds()
            let child = try ChildProcess.spawn(
                executable: arguments[2], arguments: Array(arguments.dropFirst(3)),
                environment: environment(runtimeAPI: address)
            )
            _ = child.wait()
            api.stop()
            guard let first = api.requests.first(where: { $0.path.hasSuffix("/invocation/next") }) else {
                throw BenchmarkError.failed("\(label) never called next")
            }
            samples.append(Double(first.receivedAtNanoseconds - started) / 1_000)
        }
        let timings = Timings(microseconds: samples)
        return [
            BenchmarkResult(name: "coldstart.\(label).median", value: timings.median / 1_000, unit: "ms"),
            BenchmarkResult(name: "coldstart.\(label).p90", value: timings.p90 / 1_000, unit: "ms"),
        ]
    }

    /// `warm LABEL COUNT EVENT_FILE EXECUTABLE [ARGS...]`: COUNT invocations of
    /// the same event through one process; microseconds per invocation from
    /// the first `next` to the last answer.
    static func warm(_ arguments: [String]) throws -> [BenchmarkResult] {
        guard arguments.count >= 4, let count = Int(arguments[1]) else {
            throw BenchmarkError.usage("warm LABEL COUNT EVENT_FILE EXECUTABLE [ARGS...]")
        }
        let label = arguments[0]
        let event = try Data(contentsOf: URL(fileURLWithPath: arguments[2]))
        let api = MockRuntimeAPI(
            events: (0..<count).map { MockInvocation(requestID: "warm-\($0)", event: event) },
            options: .init(stopWhenDrained: true)
        )
        let address = try api.start()
        let child = try ChildProcess.spawn(
            executable: arguments[3], arguments: Array(arguments.dropFirst(4)),
            environment: environment(runtimeAPI: address)
        )
        _ = child.wait()
        api.stop()
        let requests = api.requests
        let answers = requests.filter { $0.path.hasSuffix("/response") }
        guard answers.count == count,
              let first = requests.first(where: { $0.path.hasSuffix("/invocation/next") }),
              let last = answers.last else {
            throw BenchmarkError.failed("\(label) answered \(answers.count) of \(count) invocations")
        }
        let perInvocation = Double(last.receivedAtNanoseconds - first.receivedAtNanoseconds) / 1_000 / Double(count)
        return [
            BenchmarkResult(name: "warm.\(label).per_invocation", value: perInvocation, unit: "µs"),
            BenchmarkResult(name: "warm.\(label).per_second", value: 1_000_000 / perInvocation, unit: "invocations/s"),
        ]
    }

    /// The benchmark's environment plus the mock's address; logs quiet so
    /// that stderr writes are not what is measured.
    private static func environment(runtimeAPI: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_LAMBDA_RUNTIME_API"] = runtimeAPI
        if environment["AWS_LAMBDA_LOG_LEVEL"] == nil { environment["AWS_LAMBDA_LOG_LEVEL"] = "WARN" }
        return environment
    }
}

enum BenchmarkError: Error, CustomStringConvertible {
    case usage(String)
    case failed(String)

    var description: String {
        switch self {
        case .usage(let text): "usage: coaching-bench \(text)"
        case .failed(let text): text
        }
    }
}
