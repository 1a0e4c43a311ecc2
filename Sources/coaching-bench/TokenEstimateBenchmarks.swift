import Coaching
import FoundationEssentials

/// `tokens SAMPLES_JSON`: our token estimate for each string of a JSON
/// array, for `bench/tokens/compare_estimate.py` to compare with a
/// reference tokenizer.
enum TokenEstimateBenchmarks {
    struct Estimate: Encodable {
        var index: Int
        var estimate: Int
        enum CodingKeys: String, CodingKey { case index, estimate }
    }

    static func run(_ arguments: [String]) throws -> [BenchmarkResult] {
        guard let path = arguments.first else { throw BenchmarkError.usage("tokens SAMPLES_JSON") }
        let samples = try JSONDecoder().decode([String].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        return samples.enumerated().map { index, text in
            BenchmarkResult(name: "tokens.sample.\(index)", value: Double(TokenEstimate.tokens(in: text)), unit: "tokens")
        }
    }
}
