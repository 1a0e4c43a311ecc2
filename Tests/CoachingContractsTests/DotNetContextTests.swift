import Foundation
import Testing
import TestSupport
@testable import CoachingContracts

/// The .NET API's business context as ASP.NET Core serialises it (System.Text.Json's
/// default camelCase policy; the fixtures are written by that rule in
/// scripts/generate-sample-events.py) maps to the same model as the contract's snake_case.
@Suite("The .NET business context, camelCase or snake_case")
struct DotNetContextTests {
    static func event(_ name: String) throws -> Data {
        try Data(contentsOf: PackagePaths.root.appendingPathComponent("events/dotnet/\(name)"))
    }

    @Test("camelCase (recentActions, kpIs, dataScope, retrievedAt, targetValue, dueDate, goalId...) validates to the snake_case model")
    func camelCaseIsTheSameModel() throws {
        let camel = try BusinessContext.validate(json: Self.event("business-context-camel.json"))
        let snake = try BusinessContext.validate(json: Self.event("business-context-snake.json"))
        #expect(camel == snake)
        #expect(camel.recentActions.map(\.goalID) == ["goal_101"])
        #expect(camel.recentActions.first?.dueDate?.text == "2026-10-15T09:30:00")
        #expect(camel.kpis.map(\.targetValue) == [0.35])
        #expect(camel.goals.first?.targetValue == 500_000)
        #expect(camel.goals.first?.dueDate?.hasTime == true)
        #expect(camel.goals.last?.description == nil)
        #expect(camel.dataScope == "coaching_context")
        #expect(camel.retrievedAt?.date.timeIntervalSince1970 == 1_795_302_881.1234567)
    }

    @Test("Decoding trusted JSON reads the camelCase names too; encoding writes snake_case only")
    func codableReadsCamelWritesSnake() throws {
        let decoded = try JSONDecoder().decode(BusinessContext.self, from: Self.event("business-context-camel.json"))
        #expect(decoded == (try BusinessContext.validate(json: Self.event("business-context-snake.json"))))
        let written = String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self)
        for camel in ["recentActions", "kpIs", "dataScope", "retrievedAt", "targetValue", "currentValue", "dueDate", "goalId"] {
            #expect(!written.contains("\"\(camel)\""), "\(camel) written")
        }
        #expect(written.contains("\"recent_actions\"") && written.contains("\"goal_id\""))
    }

    @Test("Both spellings of one field are a duplicate; a wrong type under a camelCase name is still an error; unknown fields are ignored")
    func camelCaseKeepsTheRules() {
        #expect(outcome(BusinessContext.self, #"{"recent_actions":[],"recentActions":[]}"#) == ["recentActions duplicate_field"])
        #expect(outcome(BusinessContext.self, #"{"kpis":[],"kpIs":[]}"#) == ["kpIs duplicate_field"])
        #expect(outcome(BusinessContext.self, #"{"goals":[{"id":"g","title":"t","status":"s","targetValue":"lots"}]}"#)
            == ["goals.0.targetValue float_type"])
        #expect(outcome(BusinessContext.self, #"{"recentActions":[{"id":"a","title":"t","status":"s","dueDate":"soon"}]}"#)
            == ["recentActions.0.dueDate datetime_parsing"])
        #expect(outcome(BusinessContext.self, #"{"kpIs":{"id":"k"}}"#) == ["kpIs list_type"])
        #expect(outcome(BusinessContext.self, #"{"dataScope":"coaching_context","tenantSettings":{"x":1},"lastSyncedBy":"job"}"#) == ["valid"])
    }
}
