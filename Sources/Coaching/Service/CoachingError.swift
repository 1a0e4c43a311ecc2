import CoachingContracts

/// Why a coaching operation failed, in domain terms. The HTTP layer and the
/// Step Functions target map these to statuses and typed Lambda errors.
package enum CoachingError: Error, Sendable, Equatable {
    /// No such conversation for this caller (also another tenant's or user's).
    case conversationNotFound
    case sessionNotFound
    /// The conversation does not take messages in this status.
    case conversationNotActive(ConversationStatus)
    /// The requested status change is not allowed from this status.
    case invalidTransition(from: ConversationStatus, to: ConversationStatus)
    /// The conversation holds the most messages allowed.
    case conversationFull
    /// `session_id` does not belong to the conversation.
    case sessionMismatch
    /// Concurrent writers kept winning; nothing was written.
    case conflict
    case invalidCursor
    /// The store failed; nothing was written (or a retried write will not apply twice).
    case storeUnavailable(FailureCause = .unknown)
    /// The store refused the request for a reason retrying will not fix
    /// (access denied, a missing table, a request it calls invalid): a fault
    /// of this deployment, not an outage to wait out.
    case storeFailed(FailureCause = .unknown)
    /// The coach failed and no fallback could answer.
    case modelUnavailable(FailureCause = .unknown)
    /// The idempotency key answered a different request before; nothing was written.
    case idempotencyKeyReused
    /// The outcome sent is for another topic than the conversation's.
    case outcomeTopicMismatch(expected: CoachingTopic)
    /// The caller has no confirmed outcome of this topic.
    case outcomeNotFound
}

extension CoachingError {
    init(_ error: StoreError) {
        switch error {
        case .conflict, .alreadyExists: self = .conflict
        case .invalidCursor: self = .invalidCursor
        case .unavailable(let cause), .corruptRecord(let cause): self = .storeUnavailable(FailureCause(cause))
        case .rejected(let cause): self = .storeFailed(FailureCause(cause))
        }
    }

    /// What made a dependency fail, for the log; `nil` for the caller's own mistakes.
    package var cause: FailureCause? {
        switch self {
        case .storeUnavailable(let cause), .storeFailed(let cause), .modelUnavailable(let cause): cause
        default: nil
        }
    }
}
