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

    /// The user's latest confirmed outcome of each topic (never expires), in one read.
    func outcomes(tenantID: String, userID: String, deadline: Deadline) throws(StoreError) -> [OutcomeRecord]

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
    /// A confirmed (or revised) outcome to keep as the user's latest of its topic,
    /// written in the same atomic change.
    package var confirmedOutcome: OutcomeRecord?

    package init(conversation: ConversationRecord, expectedVersion: Int?, newMessages: [MessageRecord] = [], confirmedOutcome: OutcomeRecord? = nil) {
        self.conversation = conversation
        self.expectedVersion = expectedVersion
        self.newMessages = newMessages
        self.confirmedOutcome = confirmedOutcome
    }

    /// The session as it must be after the write (a projection of the header).
    package var session: SessionRecord { conversation.session }
}

/// Narrows a conversation listing.
package struct ConversationFilter: Sendable, Equatable {
    /// The statuses listed; every status but `abandoned` (soft-deleted) unless asked for.
    package var statuses: [ConversationStatus]
    package var topic: CoachingTopic?

    package static let defaultStatuses = ConversationStatus.allCases.filter { $0 != .abandoned }

    package init(statuses: [ConversationStatus]? = nil, topic: CoachingTopic? = nil) {
        self.statuses = statuses ?? Self.defaultStatuses
        self.topic = topic
    }

    /// True when `statuses` narrows nothing.
    package var includesEveryStatus: Bool { ConversationStatus.allCases.allSatisfy(statuses.contains) }

    package func matches(_ conversation: ConversationRecord) -> Bool {
        statuses.contains(conversation.status) && (topic.map { $0 == conversation.topic } ?? true)
    }
}
