import Coaching
import CoachingContracts
import FoundationEssentials

/// `coaching-bench handler DIR`: the handler's own cost for one chat request,
/// decode + validate (`CoachingRequest.validate(json:)`) + prompt build
/// (`PromptBuilder.build`), on DIR/small-request.json and DIR/large-request.json
/// (bench/contracts/make_large_context.py). bench/handler/python_handler.py
/// times Pydantic's `model_validate_json` plus a Python port of the renderer on
/// the same bytes; both write the prompt they built (DIR/prompt-swift-*.txt,
/// DIR/prompt-python-*.txt) and bench/run.sh refuses a comparison unless the
/// two are byte-identical.
enum HandlerBenchmarks {
    /// The day every prompt is built for, so that "overdue" is reproducible: 2025-11-01T00:00:00Z.
    static let today = Date(timeIntervalSince1970: 1_761_955_200)
    static let topic = CoachingTopic.coreValues
    static let phase = ConversationPhase.exploration

    static func run(_ arguments: [String]) throws -> [BenchmarkResult] {
        guard let directory = arguments.first else { throw BenchmarkError.usage("handler DIR") }
        try exportPromptTexts(to: directory + "/prompt-texts.json")
        // The large context (644 KB) is over the 256 KiB cap on a nested context, so that
        // cap is raised for it, as in the contracts benchmark; the small one uses the standard limits.
        let cases: [(name: String, limits: ContractLimits, iterations: Int)] = [
            ("small", .standard, 5_000),
            ("large", ContractLimits(maxBusinessContextBytes: ContractLimits.standard.maxRequestBytes), 100),
        ]
        let scale = ProcessInfo.processInfo.environment["BENCH_SCALE"].flatMap(Double.init) ?? 1
        let builder = PromptBuilder()
        var results: [BenchmarkResult] = []
        for (name, limits, count) in cases {
            let body = try Data(contentsOf: URL(filePath: "\(directory)/\(name)-request.json"))
            let iterations = max(1, Int(Double(count) * scale))
            let request = try CoachingRequest.validate(json: body, limits: limits)
            let prompt = builder.build(turn(for: request), today: today)
            try Data(canonicalText(prompt).utf8).write(to: URL(filePath: "\(directory)/prompt-swift-\(name).txt"))

            var sink = 0
            let validate = try measure(iterations: iterations) {
                sink &+= try CoachingRequest.validate(json: body, limits: limits).message.utf8.count
            }
            let build = measure(iterations: iterations) {
                sink &+= builder.build(turn(for: request), today: today).system.utf8.count
            }
            let total = try measure(iterations: iterations) {
                let decoded = try CoachingRequest.validate(json: body, limits: limits)
                sink &+= builder.build(turn(for: decoded), today: today).system.utf8.count
            }
            guard sink != 0 else { throw BenchmarkError.failed("empty prompts") }
            results += [
                BenchmarkResult(name: "handler.swift.\(name).validate", value: validate.median, unit: "µs"),
                BenchmarkResult(name: "handler.swift.\(name).prompt", value: build.median, unit: "µs"),
                BenchmarkResult(name: "handler.swift.\(name).total", value: total.median, unit: "µs"),
                BenchmarkResult(name: "handler.prompt_bytes.\(name)", value: Double(prompt.system.utf8.count), unit: "bytes"),
            ]
        }
        return results
    }

    static func turn(for request: CoachingRequest) -> CoachingTurn {
        CoachingTurn(
            topic: request.topic ?? topic, phase: phase, userTurnsInPhase: 0,
            businessContext: request.businessContext, userMessage: request.message
        )
    }

    /// The prompt as one text both implementations can write: the system
    /// prompt, then each message under a role line.
    static func canonicalText(_ prompt: Prompt) -> String {
        var text = prompt.system
        for message in prompt.messages {
            text += "\n\n=== \(message.role.rawValue) ===\n\(message.text)"
        }
        return text
    }

    /// The fixed texts of the prompt (topic, rules, phase guide): the Python
    /// port reads them, as the Python service held them as constants.
    static func exportPromptTexts(to path: String) throws {
        let definition = TopicCatalog.definition(for: topic)
        let texts = PromptTexts(
            systemPrompt: definition.systemPrompt, rules: PromptBuilder.rules, title: definition.title,
            outcome: definition.outcome, phase: phase.rawValue, progress: phase.progress,
            objective: definition.guide(for: phase)?.objective ?? "",
            todayEpochSeconds: today.timeIntervalSince1970
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(texts).write(to: URL(filePath: path))
    }
}

private struct PromptTexts: Encodable {
    var systemPrompt: String
    var rules: String
    var title: String
    var outcome: String
    var phase: String
    var progress: Double
    var objective: String
    var todayEpochSeconds: Double

    enum CodingKeys: String, CodingKey {
        case systemPrompt = "system_prompt"
        case rules, title, outcome, phase, progress, objective
        case todayEpochSeconds = "today_epoch_seconds"
    }
}
