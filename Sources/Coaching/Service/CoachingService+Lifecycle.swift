import CoachingContracts
import Essentials

extension CoachingService {
    /// active → paused. Pausing a paused conversation changes nothing.
    package func pause(_ identity: CallerIdentity, conversationID: String, reason: String?, deadline: Deadline) throws(CoachingError) -> ConversationRecord {
        try changeStatus(identity, conversationID, deadline: deadline) { (conversation: inout ConversationRecord) throws(CoachingError) -> Bool in
            switch conversation.status {
            case .paused: return false
            case .active:
                conversation.status = .paused
                conversation.pauseReason = reason
                return true
            case .completed, .abandoned:
                throw .invalidTransition(from: conversation.status, to: .paused)
            }
        }
    }

    /// paused → active. Resuming an active conversation changes nothing.
    package func resume(_ identity: CallerIdentity, conversationID: String, deadline: Deadline) throws(CoachingError) -> ConversationRecord {
        try changeStatus(identity, conversationID, deadline: deadline) { (conversation: inout ConversationRecord) throws(CoachingError) -> Bool in
            switch conversation.status {
            case .active: return false
            case .paused:
                conversation.status = .active
                conversation.pauseReason = nil
                return true
            case .completed, .abandoned:
                throw .invalidTransition(from: conversation.status, to: .active)
            }
        }
    }

    /// active or paused → completed, with optional feedback and rating.
    /// A completed conversation stays completed.
    package func complete(
        _ identity: CallerIdentity, conversationID: String, feedback: String?, rating: Int?, deadline: Deadline
    ) throws(CoachingError) -> ConversationRecord {
        let now = self.now
        return try changeStatus(identity, conversationID, deadline: deadline) { (conversation: inout ConversationRecord) throws(CoachingError) -> Bool in
            switch conversation.status {
            case .active, .paused:
                conversation.status = .completed
                conversation.phase = .completion
                conversation.completedAt = now
                conversation.feedback = feedback
                conversation.rating = rating
                return true
            case .completed, .abandoned:
                throw .invalidTransition(from: conversation.status, to: .completed)
            }
        }
    }

    /// Soft delete: active or paused → abandoned. Deleting an abandoned
    /// conversation changes nothing; a completed one stays completed.
    package func abandon(_ identity: CallerIdentity, conversationID: String, deadline: Deadline) throws(CoachingError) -> ConversationRecord {
        try changeStatus(identity, conversationID, deadline: deadline) { (conversation: inout ConversationRecord) throws(CoachingError) -> Bool in
            switch conversation.status {
            case .abandoned: return false
            case .active, .paused:
                conversation.status = .abandoned
                return true
            case .completed:
                throw .invalidTransition(from: .completed, to: .abandoned)
            }
        }
    }

    /// Applies `change` to the header (and its session) with optimistic
    /// locking; `change` returns false when there is nothing to write.
    private func changeStatus(
        _ identity: CallerIdentity, _ conversationID: String, deadline: Deadline,
        _ change: (inout ConversationRecord) throws(CoachingError) -> Bool
    ) throws(CoachingError) -> ConversationRecord {
        for attempt in 0..<settings.maxWriteAttempts {
            if attempt > 0 { backOff(after: attempt - 1, deadline: deadline) }
            var conversation = try loadOwned(identity, conversationID, recentMessages: 0, deadline: deadline).conversation
            let expected = conversation.version
            guard try change(&conversation) else { return conversation }
            let now = self.now
            conversation.version = expected + 1
            conversation.updatedAt = now
            conversation.expiresAt = expiry(from: now)
            do {
                try save(ConversationWrite(conversation: conversation, expectedVersion: expected), deadline: deadline)
                return conversation
            } catch .conflict {
                continue
            } catch {
                throw CoachingError(error)
            }
        }
        throw .conflict
    }
}
