import Foundation
import Testing
@testable import CoachingContracts

@Suite("Conversation API contracts")
struct ConversationContractsTests {
    @Test("Initiate: defaults, the legacy context alias, identity keys ignored")
    func initiate() throws {
        let plain = try InitiateConversationRequest.validate(json: #"{"topic":"core_values","user_id":"someone-else"}"#)
        #expect(plain == InitiateConversationRequest(topic: .coreValues, businessContext: nil, language: "en"))
        let legacy = try InitiateConversationRequest.validate(json: #"{"topic":"vision","context":{"goals":[]},"language":"pt-BR"}"#)
        #expect(legacy.businessContext == BusinessContext())
        #expect(legacy.language == "pt-BR")
        #expect(try InitiateConversationRequest.validate(json: #"{"topic":"goals","language":null}"#).language == "en")
    }

    @Test("Send message: user_message or message, trimmed; metadata map")
    func sendMessage() throws {
        let request = try SendMessageRequest.validate(json: #"{"user_message":"  I value honesty.  ","metadata":{"client":"web","screen":"chat"}}"#)
        #expect(request.userMessage == "I value honesty.")
        #expect(request.metadata == ["client": "web", "screen": "chat"])
        #expect(try SendMessageRequest.validate(json: #"{"message":"hello"}"#).userMessage == "hello")
        #expect(outcome(SendMessageRequest.self, #"{"userMessage":"hello"}"#) == ["userMessage extra_forbidden", "user_message missing"])
        #expect(outcome(SendMessageRequest.self, #"{"user_message":"hi","metadata":{"k":"v","k":"w"}}"#) == ["metadata.k duplicate_field"])
    }

    @Test("Pause, resume and complete accept an empty body")
    func emptyBodies() throws {
        #expect(try PauseConversationRequest.validate(json: Data()) == PauseConversationRequest())
        #expect(try ResumeConversationRequest.validate(json: "  ") == ResumeConversationRequest())
        #expect(try CompleteConversationRequest.validate(json: "{}") == CompleteConversationRequest())
        #expect(try ResumeConversationRequest.validate(json: #"{"anything":[1,2]}"#) == ResumeConversationRequest())
        #expect(try PauseConversationRequest.validate(json: #"{"reason":"  Lunch  "}"#).reason == "Lunch")
        #expect(try CompleteConversationRequest.validate(json: #"{"feedback":"Great","rating":5}"#)
            == CompleteConversationRequest(feedback: "Great", rating: 5))
        #expect(outcome(CoachingRequest.self, "") == ["malformed emptyInput"])
        #expect(outcome(ResumeConversationRequest.self, "[]") == [" model_type"])
    }

    @Test("List query: a numbered page other than 1 is refused with a pointer to cursors; order is asc or desc")
    func listQueryPagesAreCursors() throws {
        do {
            _ = try ListQuery.validate(query: ["page": "2", "order": "newest"])
            Issue.record("expected a failure")
        } catch {
            #expect(error.issues.map(summary) == ["query.order enum", "query.page cursor_paging"])
            #expect(error.issues[1].msg.contains("next_cursor"))
        }
    }

    @Test("List query: defaults, enums, bounds and cursor, located under query")
    func listQuery() throws {
        #expect(try ListQuery.validate(query: [:]) == ListQuery(limit: 20))
        #expect(try ListQuery.validate(query: ["status": "paused", "topic": "purpose", "limit": "100", "cursor": "eyJrIjoxfQ=="])
            == ListQuery(statuses: [.paused], topic: .purpose, limit: 100, cursor: "eyJrIjoxfQ=="))
        #expect(try ListQuery.validate(query: ["page_size": "5"]).limit == 5)
        #expect(try ListQuery.validate(query: ["status": "active, paused,active"]).statuses == [.active, .paused])
        #expect(try ListQuery.validate(query: ["order": "desc", "page": "1"]) == ListQuery(newestFirst: true))
        #expect(throws: ValidationFailure.invalid([ValidationIssue(loc: ["query", "status"], msg: "Input should be 'active', 'paused', 'completed' or 'abandoned'",
                                                                   type: "enum")])) {
            try ListQuery.validate(query: ["status": "active,,paused"])
        }
        do {
            _ = try ListQuery.validate(query: ["status": "archived", "topic": "money", "limit": "0", "cursor": "../x"])
            Issue.record("expected a failure")
        } catch {
            #expect(error.issues.map(summary) == ["query.status enum", "query.topic enum", "query.limit greater_than_equal",
                                                  "query.cursor string_pattern_mismatch"])
            #expect(error.issues[0].msg == "Input should be 'active', 'paused', 'completed' or 'abandoned'")
        }
        #expect(throws: ValidationFailure.invalid([ValidationIssue(loc: ["query", "limit"], msg: "Input should be less than or equal to 100",
                                                                   type: "less_than_equal")])) {
            try ListQuery.validate(query: ["limit": "101"])
        }
        #expect(throws: ValidationFailure.self) { try ListQuery.validate(query: ["limit": "ten"]) }
    }

    @Test("Phases advance in order with their documented progress")
    func phases() {
        #expect(ConversationPhase.allCases.map(\.progress) == [0.1, 0.3, 0.5, 0.7, 0.9, 1.0])
        #expect(ConversationPhase.introduction.next == .exploration)
        #expect(ConversationPhase.validation.next == .completion)
        #expect(ConversationPhase.completion.next == .completion)
        #expect(ConversationPhase.deepening < .synthesis)
        #expect(CoachingTopic.allCases.map(\.rawValue) == ["core_values", "purpose", "vision", "goals"])
        #expect(RequestSource.orchestratedFallback.rawValue == "orchestrated_fallback")
    }

    @Test("Failures map to stable codes and Pydantic-shaped issues inside the error envelope")
    func failureShapes() throws {
        let failure = ValidationFailure.invalid([ValidationIssue(loc: ["business_context", "goals", 0, "title"], msg: "Field required", type: "missing")])
        #expect(failure.errorCode == "VALIDATION_ERROR")
        #expect(ValidationFailure.tooLarge(subject: "request body", limit: 1).errorCode == "PAYLOAD_TOO_LARGE")
        let envelope = ErrorEnvelope(error: "The request is not valid.", errorCode: failure.errorCode, details: failure.issues, requestID: "r-1")
        #expect(try encoded(envelope) == #"{"details":[{"loc":["business_context","goals",0,"title"],"msg":"Field required","type":"missing"}],"#
            + #""error":"The request is not valid.","error_code":"VALIDATION_ERROR","request_id":"r-1","success":false}"#)
    }

    @Test("Every issue of a document comes back, in document order, with messages")
    func issueMessages() {
        let result = CoachingRequest.validated(json: Data(#"{"message":"","topic":"x","business_context":{"user":{"id":"u","name":"N","email":"a@b"}}}"#.utf8))
        guard case .failure(.invalid(let issues)) = result else {
            Issue.record("expected issues, got \(result)")
            return
        }
        #expect(issues == [
            ValidationIssue(loc: ["message"], msg: "String should have at least 1 character", type: "string_too_short"),
            ValidationIssue(loc: ["topic"], msg: "Input should be 'core_values', 'purpose', 'vision' or 'goals'", type: "enum"),
            ValidationIssue(loc: ["business_context", "user", "email"],
                            msg: "value is not a valid email address: the part after the @-sign is not a valid domain", type: "value_error"),
        ])
    }
}
