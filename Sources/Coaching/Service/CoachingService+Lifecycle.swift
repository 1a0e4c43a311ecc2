import Essentials
import FoundationEssentials
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

    /// active or paused → completed, with optional feedback and rating. The
    /// owner confirms `outcome` (their own wording), or else the current draft
    /// when it is usable; without either the conversation ends with no outcome.
    /// A completed conversation stays completed.
    package func complete(
        _ identity: CallerIdentity, conversationID: String, feedback: String?, rating: Int?, outcome: CoachingOutcome? = nil,
        deadline: Deadline
    ) throws(CoachingError) -> ConversationRecord {
        let now = self.now
        return try changeStatus(identity, conversationID, deadline: deadline) { (conversation: inout ConversationRecord) throws(CoachingError) -> OutcomeRecord?? in
            switch conversation.status {
            case .active, .paused:
                if let outcome, outcome.topic != conversation.topic { throw .outcomeTopicMismatch(expected: conversation.topic) }
                conversation.status = .completed
                conversation.phase = .completion
                conversation.completedAt = now
                conversation.feedback = feedback
                conversation.rating = rating
                var confirmed = outcome.map { Self.ownerEdited($0, at: now) }
                if confirmed == nil, let draft = conversation.draftOutcome, draft.isUsable {
                    confirmed = draft
                    confirmed?.confirmedAt = Self.contractDate(now)
                }
                guard let confirmed else { return .some(nil) }
                return .some(Self.confirm(confirmed, in: &conversation, at: now))
            case .completed, .abandoned:
                throw .invalidTransition(from: conversation.status, to: .completed)
            }
        }
    }

    /// `PUT .../outcome`: the owner's own wording. Before completion it becomes
    /// the draft (and the conversation moves to validation, where a "yes"
    /// confirms it); after completion it replaces the confirmed outcome.
    package func reviseOutcome(
        _ identity: CallerIdentity, conversationID: String, outcome: CoachingOutcome, deadline: Deadline
    ) throws(CoachingError) -> ConversationRecord {
        let now = self.now
        return try changeStatus(identity, conversationID, deadline: deadline) { (conversation: inout ConversationRecord) throws(CoachingError) -> OutcomeRecord?? in
            guard outcome.topic == conversation.topic else { throw .outcomeTopicMismatch(expected: conversation.topic) }
            let edited = Self.ownerEdited(outcome, at: now)
            switch conversation.status {
            case .completed:
                return .some(Self.confirm(edited, in: &conversation, at: now))
            case .active, .paused:
                var draft = edited
                draft.confirmedAt = nil
                conversation.draftOutcome = draft
                if conversation.phase < .validation { conversation.phase = .validation }
                conversation.userTurnsInPhase = 0
                return .some(nil)
            case .abandoned:
                throw .conversationNotActive(.abandoned)
            }
        }
    }

    static func contractDate(_ epochMilliseconds: Int64) -> ContractDate {
        ContractDate(Date(timeIntervalSince1970: Double(epochMilliseconds) / 1000))
    }

    /// An outcome as the owner sent it: theirs, confirmed now.
    static func ownerEdited(_ outcome: CoachingOutcome, at now: Int64) -> CoachingOutcome {
        var edited = outcome
        edited.source = .owner
        edited.confirmedAt = contractDate(now)
        return edited
    }

    /// Records `outcome` as the conversation's confirmed one; the record to keep without expiry.
    static func confirm(_ outcome: CoachingOutcome, in conversation: inout ConversationRecord, at now: Int64) -> OutcomeRecord {
        conversation.outcome = outcome
        conversation.draftOutcome = outcome
        conversation.outcomes = [OutcomeText.line(outcome)]
        return OutcomeRecord(
            tenantID: conversation.tenantID, userID: conversation.userID, topic: conversation.topic,
            conversationID: conversation.conversationID, outcome: outcome, confirmedAt: now
        )
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

    /// ``changeStatus(_:_:deadline:_:)`` for changes that keep no outcome.
    private func changeStatus(
        _ identity: CallerIdentity, _ conversationID: String, deadline: Deadline,
        _ change: (inout ConversationRecord) throws(CoachingError) -> Bool
    ) throws(CoachingError) -> ConversationRecord {
        try changeStatus(identity, conversationID, deadline: deadline) { (conversation: inout ConversationRecord) throws(CoachingError) -> OutcomeRecord?? in
            try change(&conversation) ? .some(nil) : nil
        }
    }

    /// Applies `change` to the header (and its session) with optimistic
    /// locking; `change` returns `nil` when there is nothing to write, else the
    /// confirmed outcome to keep (if any) in the same write.
    private func changeStatus(
        _ identity: CallerIdentity, _ conversationID: String, deadline: Deadline,
        _ change: (inout ConversationRecord) throws(CoachingError) -> OutcomeRecord??
    ) throws(CoachingError) -> ConversationRecord {
        for attempt in 0..<settings.maxWriteAttempts {
            if attempt > 0 { backOff(after: attempt - 1, deadline: deadline) }
            var conversation = try loadOwned(identity, conversationID, recentMessages: 0, deadline: deadline).conversation
            let expected = conversation.version
            guard let confirmed = try change(&conversation) else { return conversation }
            let now = self.now
            conversation.version = expected + 1
            conversation.updatedAt = now
            conversation.expiresAt = expiry(from: now)
            do {
                try save(ConversationWrite(conversation: conversation, expectedVersion: expected, confirmedOutcome: confirmed), deadline: deadline)
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
