import CoachingContracts
import Essentials

/// Persistence of conversations and coaching sessions.
///
/// Every write is one atomic ``ConversationWrite``: the conversation header,
/// its new messages and its session together, or nothing. Concurrent writers
/// are serialised by the header's `version`: a write whose expected version
/// is stale fails with ``StoreError/conflict`` and the caller re-reads.
/// Reads never return expired records.
package protocol ConversationStore: Sendable {
    /// Applies `write` atomically.
    func save(_ write: ConversationWrite, deadline: Deadline) throws(StoreError)

    /// The header and its `recentMessages` newest messages (oldest first), in
    /// one read; `nil` when there is no such conversation or it expired.
    func load(_ key: ConversationKey, recentMessages: Int, deadline: Deadline) throws(StoreError) -> ConversationSnapshot?

    /// One message by sequence number.
    func message(_ key: ConversationKey, seq: Int, deadline: Deadline) throws(StoreError) -> MessageRecord?

    /// Messages in sequence order, a page at a time.
    func messages(_ key: ConversationKey, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<MessageRecord>

    /// A user's conversations, most recently updated first.
    func conversations(
        tenantID: String, userID: String, filter: ConversationFilter, page: PageRequest, deadline: Deadline
    ) throws(StoreError) -> Page<ConversationRecord>

    func session(tenantID: String, sessionID: String, deadline: Deadline) throws(StoreError) -> SessionRecord?

    /// A user's sessions, most recently started first.
    func sessions(tenantID: String, userID: String, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<SessionRecord>

    /// Whether the store answers (`GET /health/ready`).
    func checkReadiness(deadline: Deadline) throws(StoreError)
}

/// One atomic change to a conversation.
package struct ConversationWrite: Sendable, Equatable {
    /// The header as it must be after the write.
    package var conversation: ConversationRecord
    /// The header version the writer read; `nil` creates the conversation
    /// (and fails with ``StoreError/alreadyExists`` if it exists).
    package var expectedVersion: Int?
    /// Messages to add; each sequence number must be new.
    package var newMessages: [MessageRecord]

    package init(conversation: ConversationRecord, expectedVersion: Int?, newMessages: [MessageRecord] = []) {
        self.conversation = conversation
        self.expectedVersion = expectedVersion
        self.newMessages = newMessages
    }

    /// The session as it must be after the write (a projection of the header).
    package var session: SessionRecord { conversation.session }
}

/// Narrows a conversation listing.
package struct ConversationFilter: Sendable, Equatable {
    package var status: ConversationStatus?
    package var topic: CoachingTopic?

    package init(status: ConversationStatus? = nil, topic: CoachingTopic? = nil) {
        self.status = status
        self.topic = topic
    }

    package func matches(_ conversation: ConversationRecord) -> Bool {
        (status.map { $0 == conversation.status } ?? true) && (topic.map { $0 == conversation.topic } ?? true)
    }
}
