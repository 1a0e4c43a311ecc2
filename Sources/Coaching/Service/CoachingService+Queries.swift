import CoachingContracts
import Essentials

extension CoachingService {
    /// A conversation the caller owns, with a page of its messages (oldest first).
    package func conversation(
        _ identity: CallerIdentity, conversationID: String, messages page: PageRequest, deadline: Deadline
    ) throws(CoachingError) -> (conversation: ConversationRecord, messages: Page<MessageRecord>) {
        let conversation = try loadOwned(identity, conversationID, recentMessages: 0, deadline: deadline).conversation
        do {
            return (conversation, try store.messages(conversation.key, page: page, deadline: deadline))
        } catch {
            throw CoachingError(error)
        }
    }

    /// The caller's conversations, most recently updated first.
    package func conversations(
        _ identity: CallerIdentity, filter: ConversationFilter, page: PageRequest, deadline: Deadline
    ) throws(CoachingError) -> Page<ConversationRecord> {
        do {
            return try store.conversations(tenantID: identity.tenantID, userID: identity.userID, filter: filter, page: page, deadline: deadline)
        } catch {
            throw CoachingError(error)
        }
    }

    /// A session the caller owns.
    package func session(_ identity: CallerIdentity, sessionID: String, deadline: Deadline) throws(CoachingError) -> SessionRecord {
        let session: SessionRecord?
        do {
            session = try store.session(tenantID: identity.tenantID, sessionID: sessionID, deadline: deadline)
        } catch {
            throw CoachingError(error)
        }
        guard let session, session.userID == identity.userID else { throw .sessionNotFound }
        return session
    }

    /// The caller's sessions, most recently started first.
    package func sessions(_ identity: CallerIdentity, page: PageRequest, deadline: Deadline) throws(CoachingError) -> Page<SessionRecord> {
        do {
            return try store.sessions(tenantID: identity.tenantID, userID: identity.userID, page: page, deadline: deadline)
        } catch {
            throw CoachingError(error)
        }
    }

    /// The caller's latest confirmed outcome of each topic, in journey order.
    package func outcomes(_ identity: CallerIdentity, deadline: Deadline) throws(CoachingError) -> [OutcomeRecord] {
        do {
            return try store.outcomes(tenantID: identity.tenantID, userID: identity.userID, deadline: deadline)
        } catch {
            throw CoachingError(error)
        }
    }

    /// The caller's latest confirmed outcome of `topic`.
    package func outcome(_ identity: CallerIdentity, topic: CoachingTopic, deadline: Deadline) throws(CoachingError) -> OutcomeRecord {
        guard let record = try outcomes(identity, deadline: deadline).first(where: { $0.topic == topic }) else { throw .outcomeNotFound }
        return record
    }

    /// Whether the store answers, for `GET /health/ready`.
    package func checkReadiness(deadline: Deadline) throws(CoachingError) {
        do {
            try store.checkReadiness(deadline: deadline)
        } catch {
            throw CoachingError(error)
        }
    }
}
