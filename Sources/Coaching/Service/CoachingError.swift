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
    case storeUnavailable
    /// The coach failed and no fallback could answer.
    case modelUnavailable
}

extension CoachingError {
    init(_ error: StoreError) {
        switch error {
        case .conflict, .alreadyExists: self = .conflict
        case .invalidCursor: self = .invalidCursor
        case .unavailable, .corruptRecord: self = .storeUnavailable
        }
    }
}
