import Coaching
import CoachingContracts

extension APIError {
    /// The HTTP answer for a domain failure.
    init(_ error: CoachingError) {
        switch error {
        case .conversationNotFound:
            self = .notFound(code: "CONVERSATION_NOT_FOUND", message: "No such conversation.")
        case .sessionNotFound:
            self = .notFound(code: "SESSION_NOT_FOUND", message: "No such session.")
        case .conversationNotActive(.completed):
            self = .conflict(
                code: "CONVERSATION_NOT_ACTIVE",
                message: "The conversation is completed and takes no more messages. Revise its outcome with "
                    + "PUT /api/v1/conversations/{id}/outcome, or start a new conversation with POST /api/v1/conversations/initiate."
            )
        case .conversationNotActive(let status):
            self = .conflict(code: "CONVERSATION_NOT_ACTIVE", message: "The conversation is \(status.rawValue); only active conversations take messages.")
        case .invalidTransition(let from, let to):
            self = .conflict(code: "INVALID_STATUS_TRANSITION", message: "\(from.withArticle) conversation cannot become \(to.rawValue).")
        case .conversationFull:
            self = .conflict(code: "CONVERSATION_FULL", message: "The conversation holds the most messages allowed; start a new one.")
        case .sessionMismatch:
            self = .validation([ValidationIssue(loc: ["body", "session_id"], msg: "Session does not belong to this conversation", type: "session_mismatch")])
        case .conflict:
            self = .conflict(message: "Another request changed this conversation at the same time; retry.")
        case .invalidCursor:
            self = .validation([ValidationIssue(loc: ["query", "cursor"], msg: "Cursor is not valid for this listing", type: "cursor_invalid")])
        case .idempotencyKeyReused:
            self = APIError(status: 422, code: "IDEMPOTENCY_KEY_REUSED",
                            message: "This Idempotency-Key was used for a different request; use a new key for a new request.")
        case .storeUnavailable:
            self = .unavailable(code: "STORE_UNAVAILABLE", message: "Conversation storage is temporarily unavailable; retry shortly.")
        case .storeFailed:
            // Access denied, a missing table, a request DynamoDB calls invalid: retrying will not help.
            self = .internalError
        case .outcomeTopicMismatch(let topic):
            self = .validation([ValidationIssue(loc: ["body", "topic"], msg: "Outcome must be for this conversation's topic, '\(topic.rawValue)'", type: "topic_mismatch")])
        case .outcomeNotFound:
            self = .notFound(code: "OUTCOME_NOT_FOUND", message: "No confirmed outcome for this topic yet.")
        case .modelUnavailable:
            self = .unavailable(code: "MODEL_UNAVAILABLE", message: "The coach is temporarily unavailable; retry shortly.")
        }
        cause = error.cause
    }

    /// The HTTP answer for input that failed validation: 413, 400 or 422.
    init(_ failure: ValidationFailure) {
        switch failure {
        case .tooLarge:
            self = APIError(status: 413, code: failure.errorCode, message: "The request is too large.", details: failure.issues)
        case .malformedJSON:
            self = APIError(status: 400, code: failure.errorCode, message: "The request body is not valid JSON.", details: failure.issues)
        case .invalid(let issues):
            self = .validation(issues)
        }
    }

    /// 401 for credentials that identify nobody.
    init(_ error: AuthenticationError) {
        self = .unauthorized(error.message)
    }
}

extension ConversationStatus {
    /// "An active", "A paused", "A completed", "An abandoned".
    var withArticle: String {
        let article = rawValue.first.map { "aeiou".contains($0) } == true ? "An" : "A"
        return "\(article) \(rawValue)"
    }
}
