import Coaching
import CoachingContracts
import LambdaRuntime

/// Failures of the Step Functions task, as typed Lambda errors whose
/// `errorType` the state machine's `Retry` and `Catch` match on
/// (docs/ARCHITECTURE.md, "Step Functions task target").
package enum TaskError: Error, Sendable, Equatable, LambdaFunctionError {
    /// The payload (or its business context) is invalid. Not retried; with a
    /// context, the state machine coaches again without it.
    case validationFailed(String)
    case conversationNotFound
    /// The conversation is paused, completed, abandoned or full.
    case conversationNotActive(String)
    /// Concurrent writers kept winning. Retried once.
    case conflict
    case modelUnavailable
    /// Storage failed; nothing was written. Retried once.
    case storeUnavailable

    package var errorType: String {
        switch self {
        case .validationFailed: "ValidationFailed"
        case .conversationNotFound: "ConversationNotFound"
        case .conversationNotActive: "ConversationNotActive"
        case .conflict: "Conflict"
        case .modelUnavailable: "ModelUnavailable"
        case .storeUnavailable: "StoreUnavailable"
        }
    }

    package var errorMessage: String {
        switch self {
        case .validationFailed(let detail): "The task payload is not valid: \(detail)"
        case .conversationNotFound: "No such conversation for this user."
        case .conversationNotActive(let detail): detail
        case .conflict: "Another request changed this conversation at the same time."
        case .modelUnavailable: "The coach is temporarily unavailable."
        case .storeUnavailable: "Conversation storage is temporarily unavailable."
        }
    }

    init(_ error: CoachingError) {
        switch error {
        case .conversationNotFound, .sessionNotFound: self = .conversationNotFound
        case .conversationNotActive(let status): self = .conversationNotActive("The conversation is \(status.rawValue).")
        case .invalidTransition(let from, _): self = .conversationNotActive("The conversation is \(from.rawValue).")
        case .conversationFull: self = .conversationNotActive("The conversation holds the most messages allowed.")
        case .sessionMismatch: self = .validationFailed("session_id: does not belong to the conversation")
        case .conflict: self = .conflict
        case .invalidCursor: self = .validationFailed("cursor: not valid")
        case .idempotencyKeyReused: self = .validationFailed("idempotency key: answered a different request before")
        case .storeUnavailable, .storeFailed: self = .storeUnavailable
        case .modelUnavailable: self = .modelUnavailable
        case .outcomeTopicMismatch(let topic): self = .validationFailed("outcome.topic: should be \(topic.rawValue)")
        case .outcomeNotFound: self = .conversationNotFound
        }
    }

    /// A short, caller-safe summary of validation issues.
    static func describe(_ issues: [ValidationIssue]) -> String {
        let shown = issues.prefix(5).map { issue in
            (issue.loc.isEmpty ? "payload" : issue.loc.map(\.description).joined(separator: ".")) + ": " + issue.msg
        }
        let more = issues.count > 5 ? "; and \(issues.count - 5) more" : ""
        return shown.joined(separator: "; ") + more
    }
}
