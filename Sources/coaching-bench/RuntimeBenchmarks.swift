import FoundationEssentials
import LocalRuntime

/// Cold start, warm overhead, CPU and peak memory of programs that speak the
/// Lambda Runtime API, each run against its own in-repo mock over loopback.
/// Targets are interleaved run by run, so that a machine busy with other work
/// slows every target alike and the ratios stay comparable.
enum RuntimeBenchmarks {
    /// `coldstart RUNS TARGET...`: time from spawning each target to its first
    /// `GET /next`, over RUNS fresh processes per target.
    static func coldStart(_ arguments: [String]) throws -> [BenchmarkResult] {
        guard arguments.count >= 2, let runs = Int(arguments[0]), runs > 0 else {
            throw BenchmarkError.usage("coldstart RUNS LABEL=EXECUTABLE[ ARGS...] ...")
        }
        let targets = try arguments.dropFirst().map(BenchTarget.init)
        var samples = Array(repeating: [Double](), count: targets.count)
        for run in 0..<runs {
            for offset in targets.indices {
                let index = (offset + run) % targets.count
                samples[index].append(try firstNextMicroseconds(targets[index]))
            }
        }
        return targets.indices.flatMap { index in
            let timings = Timings(microseconds: samples[index])
            let label = targets[index].label
            return [
                BenchmarkResult(name: "coldstart.\(label).median", value: timings.median / 1_000, unit: "ms"),
                BenchmarkResult(name: "coldstart.\(label).p90", value: timings.p90 / 1_000, unit: "ms"),
            ]
        }
    }

    private static func firstNextMicroseconds(_ target: BenchTarget) throws -> Double {
        let api = MockRuntimeAPI(events: [], options: .init(stopWhenDrained: true))
        let address = try api.start()
        let started = MonotonicClock.nanoseconds()
        let child = try BenchProcess.spawn(target, environment: environment(runtimeAPI: address), stderrPath: childLogPath)
        let usage = child.wait()
        api.stop()
        guard usage.exitStatus == 0 else { throw BenchmarkError.failed("\(target.label) exited with \(usage.exitStatus); see \(childLogPath)") }
        guard let first = api.requests.first(where: { $0.path.hasSuffix("/invocation/next") }) else {
            throw BenchmarkError.failed("\(target.label) never called next")
        }
        return Double(first.receivedAtNanoseconds - started) / 1_000
    }

    /// `warm COUNT ROUNDS EVENT_FILE TARGET...`: COUNT invocations of the same
    /// event through one process per target and round. Per target: wall time
    /// per invocation from the first `next` to the last answer (median over
    /// rounds), the process's whole CPU time (`wait4`) and its peak RSS (`VmHWM`).
    static func warm(_ arguments: [String]) throws -> [BenchmarkResult] {
        guard arguments.count >= 4, let count = Int(arguments[0]), let rounds = Int(arguments[1]), count > 0, rounds > 0 else {
            throw BenchmarkError.usage("warm COUNT ROUNDS EVENT_FILE LABEL=EXECUTABLE[ ARGS...] ...")
        }
        let event = try Data(contentsOf: URL(fileURLWithPath: arguments[2]))
        let targets = try arguments.dropFirst(3).map(BenchTarget.init)
        var runs = Array(repeating: [WarmRun](), count: targets.count)
        for round in 0..<rounds {
            for offset in targets.indices {
                let index = (offset + round) % targets.count
                runs[index].append(try warmRun(targets[index], count: count, event: event))
            }
        }
        return targets.indices.flatMap { index in
            let label = "warm.\(targets[index].label).\(count)"
            let perInvocation = Timings(microseconds: runs[index].map(\.perInvocationMicroseconds))
            let cpu = Timings(microseconds: runs[index].map(\.usage.cpuMicroseconds))
            let peak = runs[index].map(\.peakResidentKilobytes).max() ?? 0
            return [
                BenchmarkResult(name: "\(label).per_invocation", value: perInvocation.median, unit: "µs"),
                BenchmarkResult(name: "\(label).cpu", value: cpu.median, unit: "µs"),
                BenchmarkResult(name: "\(label).max_rss", value: Double(peak), unit: "KiB"),
            ]
        }
    }

    private struct WarmRun {
        var perInvocationMicroseconds: Double
        var usage: ChildUsage
        var peakResidentKilobytes: Int
    }

    private static func warmRun(_ target: BenchTarget, count: Int, event: Data) throws -> WarmRun {
        // The mock keeps the poll after the last event waiting, so that the child is
        // still alive, idle, when its peak RSS is read; then it tells it to exit.
        let api = MockRuntimeAPI(
            events: (0..<count).map { MockInvocation(requestID: "warm-\($0)", event: event) },
            options: .init(stopWhenDrained: false)
        )
        let address = try api.start()
        let child = try BenchProcess.spawn(target, environment: environment(runtimeAPI: address), stderrPath: childLogPath)
        let answered = api.waitForOutcomes(count: count, timeout: 300).count
        let peak = child.peakResidentKilobytes()
        api.finishWhenDrained()
        let usage = child.wait()
        api.stop()
        let requests = api.requests
        let answers = requests.filter { $0.path.hasSuffix("/response") }
        guard usage.exitStatus == 0, answered == count, answers.count == count, let peak,
              let first = requests.first(where: { $0.path.hasSuffix("/invocation/next") }),
              let last = answers.last else {
            throw BenchmarkError.failed("\(target.label) answered \(answers.count) of \(count) invocations (exit \(usage.exitStatus)); see \(childLogPath)")
        }
        let perInvocation = Double(last.receivedAtNanoseconds - first.receivedAtNanoseconds) / 1_000 / Double(count)
        return WarmRun(perInvocationMicroseconds: perInvocation, usage: usage, peakResidentKilobytes: peak)
    }

    /// Where the children's standard error goes: `BENCH_CHILD_LOG`, else `/dev/null`.
    static var childLogPath: String { ProcessInfo.processInfo.environment["BENCH_CHILD_LOG"] ?? "/dev/null" }

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
