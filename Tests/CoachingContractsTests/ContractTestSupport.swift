import Foundation
@testable import CoachingContracts

/// The JSON files next to these tests.
enum Fixture {
    static func data(_ name: String) throws -> Data {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        return try Data(contentsOf: folder.appendingPathComponent(name))
    }
}

/// `business_context.goals.0.title missing`: an issue's location and type, for exact comparisons.
func summary(_ issue: ValidationIssue) -> String {
    issue.loc.map(\.description).joined(separator: ".") + " " + issue.type
}

/// The issues `json` raises against `Contract`, or `["valid"]` when it validates, or
/// `["malformed <kind>"]` / `["too large"]`.
func outcome<Contract: JSONContract>(_: Contract.Type, _ json: String, limits: ContractLimits = .standard) -> [String] {
    switch Contract.validated(json: Data(json.utf8), limits: limits) {
    case .success: ["valid"]
    case .failure(.invalid(let issues)): issues.map(summary)
    case .failure(.malformedJSON(let error)): ["malformed \(error.kind)"]
    case .failure(.tooLarge): ["too large"]
    }
}

/// The sorted-keys encoder the service uses for responses.
func encoded<Value: Encodable>(_ value: Value) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

func string(repeating character: Character, count: Int) -> String {
    String(repeating: String(character), count: count)
}
