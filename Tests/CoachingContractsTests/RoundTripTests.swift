import Foundation
import Testing
@testable import CoachingContracts

@Suite("Encoding round trips")
struct RoundTripTests {
    @Test("validate → encode → validate gives the same value, and encoding is byte-stable")
    func chatRequestRoundTrip() throws {
        let request = try CoachingRequest.validate(json: Fixture.data("pattern-a-request.json"))
        let first = try encoded(request)
        let again = try CoachingRequest.validate(json: first)
        #expect(again == request)
        #expect(try encoded(again) == first)
        // The Decodable conformance reads what we write.
        #expect(try JSONDecoder().decode(CoachingRequest.self, from: Data(first.utf8)) == request)
    }

    @Test("Dates keep their original text on the way out")
    func datesKeepTheirText() throws {
        let request = try CoachingRequest.validate(json: Fixture.data("pattern-a-request.json"))
        let json = try encoded(request)
        #expect(json.contains(#""due_date":"2025-08-15T10:00:00.000+02:00""#))
        #expect(json.contains(#""due_date":"2025-12-31""#))
        #expect(json.contains(#""retrieved_at":"2025-10-01T12:00:00Z""#))
    }

    @Test("measures is written back as kpis; null lists as empty lists; unknown keys are dropped")
    func contextNormalisation() throws {
        let context = try BusinessContext.validate(json: Fixture.data("rich-context.json"))
        let json = try encoded(context)
        #expect(json.contains(#""kpis":[{"#))
        #expect(!json.contains("measures"))
        #expect(json.contains(#""recent_actions":[]"#))
        #expect(!json.contains("owner"))
        #expect(try BusinessContext.validate(json: json) == context)
        #expect(try encoded(BusinessContext.validate(json: json)) == json)
    }

    @Test("The Step Functions payload round-trips, error_info written in lower case")
    func stepFunctionsRoundTrip() throws {
        let payload = try StepFunctionsTaskPayload.validate(json: Fixture.data("step-functions-fallback.json"))
        let json = try encoded(payload)
        #expect(json.contains(#""error_info":{"cause":"#))
        #expect(!json.contains("business_context"))
        #expect(try StepFunctionsTaskPayload.validate(json: json) == payload)
        #expect(try JSONDecoder().decode(StepFunctionsTaskPayload.self, from: Data(json.utf8)) == payload)
    }

    @Test("A coaching response encodes to exactly the documented snake_case shape")
    func coachingResponseShape() throws {
        let response = CoachingResponse(
            message: "What would success look like?", conversationID: "conv-1", sessionID: "sess-1", businessContextUsed: true,
            followUpSuggestions: ["List three customers"],
            metadata: CoachingResponseMetadata(model: "offline", fallback: false, phase: .exploration, source: .orchestrated,
                                               dataScope: "coaching_context", usage: TokenUsage(inputTokens: 120, outputTokens: 40)))
        let json = try encoded(response)
        #expect(json == #"{"business_context_used":true,"conversation_id":"conv-1","draft_outcome":null,"follow_up_suggestions":["List three customers"],"#
            + #""is_complete":false,"message":"What would success look like?","metadata":{"business_context_stale":false,"business_context_used":false,"#
            + #""data_scope":"coaching_context","fallback":false,"language":"en","model":"offline","#
            + #""phase":"exploration","progress":0.3,"source":"orchestrated","truncated":false,"usage":{"input_tokens":120,"output_tokens":40}},"#
            + #""outcome":null,"session_id":"sess-1"}"#)
        #expect(try JSONDecoder().decode(CoachingResponse.self, from: Data(json.utf8)) == response)
    }

    @Test("Follow-up suggestions are capped")
    func followUpCap() {
        let response = CoachingResponse(message: "m", conversationID: "c", businessContextUsed: false,
                                         followUpSuggestions: (1...20).map { "s\($0)" },
                                         metadata: CoachingResponseMetadata(model: "offline", fallback: false, phase: .introduction, source: .direct))
        #expect(response.followUpSuggestions.count == ContractLimits.maxFollowUpSuggestions)
    }

    @Test("Conversation detail flattens the summary beside its messages")
    func conversationDetailShape() throws {
        let created = try #require(ContractDate(iso8601: "2025-10-01T12:00:00Z"))
        let detail = ConversationDetail(
            summary: ConversationSummary(conversationID: "conv-1", sessionID: "sess-1", title: "Purpose", topic: .purpose, status: .active,
                                         phase: .deepening, messageCount: 2, createdAt: created, updatedAt: created),
            messages: [ConversationMessage(seq: 1, role: .assistant, content: "Why does the company exist?", createdAt: created),
                       ConversationMessage(seq: 2, role: .user, content: "To feed the town.", createdAt: created)],
            nextCursor: "abc")
        let json = try encoded(detail)
        #expect(json == #"{"conversation_id":"conv-1","created_at":"2025-10-01T12:00:00Z","draft_outcome":null,"last_activity_at":"2025-10-01T12:00:00Z","message_count":2,"#
            + #""messages":[{"content":"Why does the company exist?","created_at":"2025-10-01T12:00:00Z","role":"assistant","seq":1},"#
            + #"{"content":"To feed the town.","created_at":"2025-10-01T12:00:00Z","role":"user","seq":2}],"next_cursor":"abc","outcome":null,"#
            + #""phase":"deepening","progress":0.5,"session_id":"sess-1","status":"active","title":"Purpose","topic":"purpose","#
            + #""updated_at":"2025-10-01T12:00:00Z"}"#)
        #expect(try JSONDecoder().decode(ConversationDetail.self, from: Data(json.utf8)) == detail)
    }

    @Test("A list page omits next_cursor on the last page")
    func listPageShape() throws {
        let page = ListPage<String>(items: ["a"])
        #expect(try encoded(page) == #"{"items":["a"]}"#)
        #expect(try encoded(ListPage(items: ["a"], nextCursor: "n")) == #"{"items":["a"],"next_cursor":"n"}"#)
    }

    @Test("Session detail and the other responses use snake_case keys only")
    func responsesAreSnakeCase() throws {
        let now = ContractDate(Date(timeIntervalSince1970: 1_759_320_000.25))
        let values: [any Encodable] = [
            SessionDetail(sessionID: "s", conversationID: "c", topic: .vision, status: .completed, startedAt: now, completedAt: now,
                          model: "m", tokenUsage: TokenUsage(inputTokens: 1, outputTokens: 2), estimatedCostUSD: 0.01, outcomes: ["o"]),
            InitiateConversationResponse(conversationID: "c", sessionID: "s", topic: .goals, message: "Hello", createdAt: now),
            SendMessageResponse(conversationID: "c", message: "m", followUpQuestion: "q", phase: .synthesis, isComplete: false,
                                messageCount: 3, fallback: true, model: "offline"),
            ConversationStateResponse(conversationID: "c", status: .paused, phase: .exploration, updatedAt: now),
        ]
        for value in values {
            let json = try encoded(value)
            let keys = json.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
                .filter { json.contains("\"\($0)\":") }
            #expect(keys.allSatisfy { $0 == $0.lowercased() }, "\(json)")
        }
        #expect(try encoded(values[0]).contains(#""estimated_cost_usd":0.01"#))
        #expect(now.text == "2025-10-01T12:00:00.250Z")
    }
}
