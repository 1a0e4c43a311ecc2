import CoachingContracts
import FoundationEssentials

/// `coaching-bench contracts LARGE SMALL [PYDANTIC_RESULTS]`: decode + validate the
/// business-context fixtures written by bench/contracts/make_large_context.py, and
/// compare with the Pydantic figures bench/contracts/pydantic_validate.py printed
/// for the same files (JSON lines named `large` and `small`).
func contractsSuite(_ arguments: [String]) throws -> [BenchmarkResult] {
    guard arguments.count >= 2 else { throw ContractsBenchmarkError.usage }
    let large = try Data(contentsOf: URL(filePath: arguments[0]))
    let small = try Data(contentsOf: URL(filePath: arguments[1]))
    let pydantic = try arguments.count > 2 ? PydanticFigure.load(arguments[2]) : [:]

    // Validated as the whole document, the context is held to the 1 MiB body limit and
    // the list caps; the 256 KiB cap applies to a `business_context` nested in a request.
    let largeContext = try BusinessContext.validate(json: large)
    guard largeContext.goals.count == 500, largeContext.recentActions.count == 2_000, largeContext.kpis.count == 200 else {
        throw ContractsBenchmarkError.unexpectedFixture("large context: \(largeContext.goals.count) goals")
    }
    // CONTRACTS_BENCH_SCALE=0.01 runs 1 % of the iterations (for callgrind and perf).
    let scale = ProcessInfo.processInfo.environment["CONTRACTS_BENCH_SCALE"].flatMap(Double.init) ?? 1
    func iterations(_ count: Int) -> Int { max(1, Int(Double(count) * scale)) }
    var results: [BenchmarkResult] = []
    let largeTimings = try measure(iterations: iterations(200)) { _ = try BusinessContext.validate(json: large) }
    results.append(comparison("contracts.validate_large_context", largeTimings, pydantic["large"]))
    let smallTimings = try measure(iterations: iterations(5_000)) { _ = try BusinessContext.validate(json: small) }
    results.append(comparison("contracts.validate_small_context", smallTimings, pydantic["small"]))

    // The same context inside a chat request: the nested 256 KiB cap is raised explicitly.
    let request = Data(#"{"message":"Where should we focus?","topic":"goals","business_context":"#.utf8) + large + Data("}".utf8)
    let generous = ContractLimits(maxBusinessContextBytes: ContractLimits.standard.maxRequestBytes)
    let requestTimings = try measure(iterations: iterations(200)) { _ = try CoachingRequest.validate(json: request, limits: generous) }
    results.append(BenchmarkResult(name: "contracts.validate_request_with_large_context", value: requestTimings.median, unit: "us"))
    return results
}

private func comparison(_ name: String, _ timings: Timings, _ other: PydanticFigure?) -> BenchmarkResult {
    BenchmarkResult(name: name, value: timings.median, unit: "us",
                    comparedWith: other.map { "pydantic \($0.pydantic) model_validate_json" },
                    otherValue: other?.medianMicroseconds,
                    ratioMeaning: other == nil ? nil : "x faster than Pydantic")
}

/// One line of pydantic_validate.py's output.
private struct PydanticFigure: Decodable {
    var name: String
    var medianMicroseconds: Double
    var pydantic: String

    enum CodingKeys: String, CodingKey {
        case name
        case medianMicroseconds = "median_us"
        case pydantic
    }

    static func load(_ path: String) throws -> [String: PydanticFigure] {
        let text = String(decoding: try Data(contentsOf: URL(filePath: path)), as: UTF8.self)
        var figures: [String: PydanticFigure] = [:]
        for line in text.split(separator: "\n") where !line.isEmpty {
            let figure = try JSONDecoder().decode(PydanticFigure.self, from: Data(line.utf8))
            figures[figure.name] = figure
        }
        return figures
    }
}

enum ContractsBenchmarkError: Error, CustomStringConvertible {
    case usage
    case unexpectedFixture(String)

    var description: String {
        switch self {
        case .usage: "usage: coaching-bench contracts LARGE_CONTEXT SMALL_CONTEXT [PYDANTIC_RESULTS]"
        case .unexpectedFixture(let detail): "unexpected fixture: \(detail)"
        }
    }
}
