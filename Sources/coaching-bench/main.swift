import FoundationEssentials
import LambdaRuntime
#if canImport(Glibc)
import Glibc
#endif

// coaching-bench SUITE [ARGS...]: each suite prints its figures as JSON lines
// on stdout; `make bench` (bench/run.sh) collects them into one table and
// bench/results/latest.json.
let suites: [String: ([String]) throws -> [BenchmarkResult]] = [
    "coldstart": RuntimeBenchmarks.coldStart,
    "warm": RuntimeBenchmarks.warm,
    "dynamodb": DynamoDBBenchmarks.run,
    "contracts": contractsSuite,
    "tokens": TokenEstimateBenchmarks.run,
    "handler": HandlerBenchmarks.run,
    "chat": ChatBenchmarks.run,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let suite = suites[name] else {
    let names = suites.keys.sorted().joined(separator: ", ")
    StandardError.write("usage: coaching-bench SUITE [ARGS...]; suites: \(names)")
    exit(2)
}
do {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for result in try suite(Array(arguments.dropFirst())) {
        print(String(decoding: try encoder.encode(result), as: UTF8.self))
    }
} catch {
    StandardError.write("benchmark \(name) failed: \(error)")
    exit(1)
}

enum StandardError {
    static func write(_ text: String) {
        StandardErrorSink().write(line: text)
    }
}
