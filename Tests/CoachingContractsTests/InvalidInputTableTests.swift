import Foundation
import Testing
@testable import CoachingContracts

/// One invalid document and the exact issues (location and type, in order) it must raise.
struct InvalidCase: Sendable, CustomTestStringConvertible {
    enum Contract: Sendable {
        case chat, stepFunctions, initiate, sendMessage, pause, complete, context
    }

    var name: String
    var contract: Contract
    var json: String
    var expected: [String]

    init(_ name: String, _ contract: Contract, _ json: String, _ expected: [String]) {
        self.name = name
        self.contract = contract
        self.json = json
        self.expected = expected
    }

    var testDescription: String { name }

    func outcome() -> [String] {
        switch contract {
        case .chat: CoachingContractsTests.outcome(CoachingRequest.self, json)
        case .stepFunctions: CoachingContractsTests.outcome(StepFunctionsTaskPayload.self, json)
        case .initiate: CoachingContractsTests.outcome(InitiateConversationRequest.self, json)
        case .sendMessage: CoachingContractsTests.outcome(SendMessageRequest.self, json)
        case .pause: CoachingContractsTests.outcome(PauseConversationRequest.self, json)
        case .complete: CoachingContractsTests.outcome(CompleteConversationRequest.self, json)
        case .context: CoachingContractsTests.outcome(BusinessContext.self, json)
        }
    }
}

/// `{"message":"hi","business_context":{"goals":[GOAL]}}`
private func chatWithGoal(_ goal: String) -> String {
    #"{"message":"hi","business_context":{"goals":["# + goal + "]}}"
}

private let goal = #""id":"g-1","title":"Grow","status":"active""#
private let longID = string(repeating: "a", count: 129)
private let sfn = #""source":"orchestrated","user_id":"u-1","tenant_id":"t-1","message":"m""#
private let manyGoals = "[" + Array(repeating: "{\(goal)}", count: 501).joined(separator: ",") + "]"
private let manyMetadata = "{" + (1...17).map { #""k\#($0)":"v""# }.joined(separator: ",") + "}"

let invalidCases: [InvalidCase] = [
    // CoachingRequest: the message
    .init("empty object", .chat, "{}", ["message missing"]),
    .init("blank message", .chat, #"{"message":"   \n\t "}"#, ["message string_too_short"]),
    .init("number message", .chat, #"{"message":42}"#, ["message string_type"]),
    .init("null message", .chat, #"{"message":null}"#, ["message string_type"]),
    .init("message of 4001 characters", .chat, #"{"message":""# + string(repeating: "é", count: 4_001) + #""}"#, ["message string_too_long"]),
    .init("message list", .chat, #"{"message":["hi"]}"#, ["message string_type"]),
    // CoachingRequest: enums
    .init("unknown topic", .chat, #"{"message":"hi","topic":"mindset"}"#, ["topic enum"]),
    .init("topic in wrong case", .chat, #"{"message":"hi","topic":"Core_Values"}"#, ["topic enum"]),
    .init("unknown source", .chat, #"{"message":"hi","source":"batch"}"#, ["source enum"]),
    .init("numeric topic", .chat, #"{"message":"hi","topic":1}"#, ["topic enum"]),
    // CoachingRequest: ids
    .init("path traversal id", .chat, #"{"message":"hi","conversation_id":"../etc/passwd"}"#, ["conversation_id string_pattern_mismatch"]),
    .init("double dot id", .chat, #"{"message":"hi","conversation_id":"a..b"}"#, ["conversation_id string_pattern_mismatch"]),
    .init("empty id", .chat, #"{"message":"hi","conversation_id":""}"#, ["conversation_id string_too_short"]),
    .init("id of 129 characters", .chat, #"{"message":"hi","conversation_id":"\#(longID)"}"#, ["conversation_id string_too_long"]),
    .init("id with a space", .chat, #"{"message":"hi","conversation_id":"conv 1"}"#, ["conversation_id string_pattern_mismatch"]),
    .init("id with a Cyrillic look-alike", .chat, #"{"message":"hi","conversation_id":"cоnv-1"}"#, ["conversation_id string_pattern_mismatch"]),
    .init("id with a slash", .chat, #"{"message":"hi","session_id":"a/b"}"#, ["session_id string_pattern_mismatch"]),
    .init("id with an escaped NUL", .chat, #"{"message":"hi","session_id":"a\u0000b"}"#, ["session_id string_pattern_mismatch"]),
    .init("id with a hash", .chat, #"{"message":"hi","session_id":"TENANT#1"}"#, ["session_id string_pattern_mismatch"]),
    .init("numeric id", .chat, #"{"message":"hi","session_id":12}"#, ["session_id string_type"]),
    // Wrong shapes
    .init("array body", .chat, "[]", [" model_type"]),
    .init("string body", .chat, #""hello""#, [" model_type"]),
    .init("context as a list", .chat, #"{"message":"hi","business_context":[]}"#, ["business_context model_type"]),
    .init("goals as an object", .chat, #"{"message":"hi","business_context":{"goals":{}}}"#, ["business_context.goals list_type"]),
    .init("goal as a string", .chat, chatWithGoal(#""g-1""#), ["business_context.goals.0 model_type"]),
    .init("goal without title and status", .chat, chatWithGoal(#"{"id":"g-1"}"#),
          ["business_context.goals.0.title missing", "business_context.goals.0.status missing"]),
    // Numbers
    .init("target value as a string", .chat, chatWithGoal("{\(goal),\"target_value\":\"100\"}"), ["business_context.goals.0.target_value float_type"]),
    .init("target value as a boolean", .chat, chatWithGoal("{\(goal),\"target_value\":true}"), ["business_context.goals.0.target_value float_type"]),
    .init("NaN current value", .chat, chatWithGoal("{\(goal),\"current_value\":NaN}"), ["business_context.goals.0.current_value finite_number"]),
    .init("Infinity current value", .chat, chatWithGoal("{\(goal),\"current_value\":-Infinity}"), ["business_context.goals.0.current_value finite_number"]),
    .init("overflowing current value", .chat, chatWithGoal("{\(goal),\"current_value\":1e400}"), ["business_context.goals.0.current_value finite_number"]),
    // Dates
    .init("month 13", .chat, chatWithGoal("{\(goal),\"due_date\":\"2025-13-01\"}"), ["business_context.goals.0.due_date datetime_parsing"]),
    .init("February 30", .chat, chatWithGoal("{\(goal),\"due_date\":\"2025-02-30\"}"), ["business_context.goals.0.due_date datetime_parsing"]),
    .init("prose date", .chat, chatWithGoal("{\(goal),\"due_date\":\"yesterday\"}"), ["business_context.goals.0.due_date datetime_parsing"]),
    .init("numeric date", .chat, chatWithGoal("{\(goal),\"due_date\":20251001}"), ["business_context.goals.0.due_date datetime_type"]),
    .init("hour 24", .chat, chatWithGoal("{\(goal),\"due_date\":\"2025-10-01T24:00:00Z\"}"), ["business_context.goals.0.due_date datetime_parsing"]),
    // Strings in the context
    .init("title of 501 characters", .chat, chatWithGoal(#"{"id":"g-1","status":"active","title":""# + string(repeating: "t", count: 501) + #""}"#),
          ["business_context.goals.0.title string_too_long"]),
    .init("user without name and email", .chat, #"{"message":"hi","business_context":{"user":{"id":"u-1"}}}"#,
          ["business_context.user.name missing", "business_context.user.email missing"]),
    .init("user with a bad email", .chat, #"{"message":"hi","business_context":{"user":{"id":"u-1","name":"M","email":"not-an-email"}}}"#,
          ["business_context.user.email value_error"]),
    .init("empty tenant", .chat, #"{"message":"hi","business_context":{"tenant":{}}}"#,
          ["business_context.tenant.id missing", "business_context.tenant.company missing"]),
    .init("action with a bad goal id", .chat,
          #"{"message":"hi","business_context":{"recent_actions":[{"id":"a-1","title":"T","status":"done"},{"id":"a-2","title":"T","status":"done","goal_id":"g 1"}]}}"#,
          ["business_context.recent_actions.1.goal_id string_pattern_mismatch"]),
    .init("data scope with a space", .chat, #"{"message":"hi","business_context":{"data_scope":"coaching context"}}"#,
          ["business_context.data_scope string_pattern_mismatch"]),
    .init("501 goals", .chat, #"{"message":"hi","business_context":{"goals":\#(manyGoals)}}"#, ["business_context.goals too_long"]),
    // Duplicates and aliases
    .init("kpis and measures together", .chat, #"{"message":"hi","business_context":{"kpis":[],"measures":[]}}"#,
          ["business_context.measures duplicate_field"]),
    .init("message given twice", .chat, #"{"message":"hi","message":"again"}"#, ["message duplicate_field"]),
    // camelCase
    .init("camelCase conversation id", .chat, #"{"message":"hi","conversationId":"c-1"}"#, ["conversationId extra_forbidden"]),
    // The .NET API's camelCase is accepted inside a business context; PascalCase is not.
    .init("camelCase recent actions (the .NET API's spelling)", .chat, #"{"message":"hi","business_context":{"recentActions":[]}}"#, ["valid"]),
    .init("PascalCase recent actions", .chat, #"{"message":"hi","business_context":{"RecentActions":[]}}"#,
          ["business_context.RecentActions extra_forbidden"]),
    // Several problems at once, in document order
    .init("every problem at once", .chat,
          #"{"topic":"mindset","business_context":{"goals":[{"id":"g/1","status":"active"},{"id":"g-2","title":"","status":"x","current_value":"1"}]},"source":"cron"}"#,
          ["topic enum", "business_context.goals.0.id string_pattern_mismatch", "business_context.goals.0.title missing",
           "business_context.goals.1.title string_too_short", "business_context.goals.1.current_value float_type", "source enum",
           "message missing"]),
    // Step Functions payload
    .init("direct source from the state machine", .stepFunctions, #"{"source":"direct","user_id":"u","tenant_id":"t","message":"m"}"#, ["source enum"]),
    .init("empty Step Functions payload", .stepFunctions, "{}", ["source missing", "user_id missing", "tenant_id missing", "message missing"]),
    .init("error info without error", .stepFunctions, "{\(sfn),\"error_info\":{}}", ["error_info.error missing"]),
    .init("idempotency key with a space", .stepFunctions, "{\(sfn),\"idempotency_key\":\"exec 1\"}", ["idempotency_key string_pattern_mismatch"]),
    .init("traversal user id", .stepFunctions, #"{"source":"orchestrated","user_id":"../x","tenant_id":"t","message":"m"}"#,
          ["user_id string_pattern_mismatch"]),
    .init("null tenant id", .stepFunctions, #"{"source":"orchestrated","user_id":"u","tenant_id":null,"message":"m"}"#, ["tenant_id string_type"]),
    // Initiate
    .init("initiate without topic", .initiate, "{}", ["topic missing"]),
    .init("initiate with a bad language", .initiate, #"{"topic":"core_values","language":"english!"}"#, ["language string_pattern_mismatch"]),
    .init("initiate with a numeric language subtag first", .initiate, #"{"topic":"core_values","language":"12-en"}"#,
          ["language string_pattern_mismatch"]),
    .init("initiate with context and business_context", .initiate, #"{"topic":"purpose","business_context":{},"context":{}}"#,
          ["context duplicate_field"]),
    // Send message
    .init("empty message under its alias", .sendMessage, #"{"message":""}"#, ["message string_too_short"]),
    .init("no message at all", .sendMessage, #"{"metadata":{}}"#, ["user_message missing"]),
    .init("numeric metadata value", .sendMessage, #"{"user_message":"hi","metadata":{"client":1}}"#, ["metadata.client string_type"]),
    .init("metadata as a list", .sendMessage, #"{"user_message":"hi","metadata":[]}"#, ["metadata dict_type"]),
    .init("metadata with 17 entries", .sendMessage, #"{"user_message":"hi","metadata":\#(manyMetadata)}"#, ["metadata too_long"]),
    .init("metadata key with a space", .sendMessage, #"{"user_message":"hi","metadata":{"a b":"v"}}"#, ["metadata.a b string_pattern_mismatch"]),
    .init("user_message and message together", .sendMessage, #"{"user_message":"hi","message":"again"}"#, ["message duplicate_field"]),
    // Pause and complete
    .init("pause reason of 501 characters", .pause, #"{"reason":""# + string(repeating: "r", count: 501) + #""}"#, ["reason string_too_long"]),
    .init("rating 0", .complete, #"{"rating":0}"#, ["rating greater_than_equal"]),
    .init("rating 6", .complete, #"{"rating":6}"#, ["rating less_than_equal"]),
    .init("rating 4.5", .complete, #"{"rating":4.5}"#, ["rating int_from_float"]),
    .init("rating as a string", .complete, #"{"rating":"5"}"#, ["rating int_type"]),
    .init("huge rating", .complete, #"{"rating":123456789012345678901234567890}"#, ["rating int_parsing"]),
    .init("feedback of 1001 characters and rating 9", .complete, #"{"feedback":""# + string(repeating: "f", count: 1_001) + #"","rating":9}"#,
          ["feedback string_too_long", "rating less_than_equal"]),
    // A business context validated on its own
    .init("context with a non-list of actions", .context, #"{"recent_actions":"none"}"#, ["recent_actions list_type"]),
    .init("context with a KPI name of spaces", .context, #"{"kpis":[{"id":"k","name":"  "}]}"#, ["kpis.0.name string_too_short"]),
]

@Suite("Invalid inputs report exactly the expected issues")
struct InvalidInputTableTests {
    @Test("The table is large enough")
    func tableSize() {
        #expect(invalidCases.count >= 40)
    }

    @Test(arguments: invalidCases)
    func invalidInput(_ testCase: InvalidCase) {
        #expect(testCase.outcome() == testCase.expected)
    }
}
