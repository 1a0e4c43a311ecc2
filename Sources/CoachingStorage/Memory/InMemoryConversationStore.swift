import AWSCore
import Coaching
import CoachingContracts
import Essentials
import Synchronization

/// A ``ConversationStore`` in memory, with the same atomicity, versioning,
/// expiry and pagination rules as the durable ones. For unit tests.
package final class InMemoryConversationStore: ConversationStore {
    private struct State {
        var conversations: [ConversationKey: ConversationRecord] = [:]
        var messages: [ConversationKey: [Int: MessageRecord]] = [:]
        var sessions: [SessionKey: SessionRecord] = [:]
        var outcomes: [OutcomeKey: OutcomeRecord] = [:]
        var saves = 0
    }

    private struct OutcomeKey: Hashable {
        var tenantID: String
        var userID: String
        var topic: CoachingTopic
    }

    private struct SessionKey: Hashable {
        var tenantID: String
        var sessionID: String
    }

    private let state = Mutex(State())
    private let clock: any EpochClock

    package init(clock: any EpochClock = SystemClock()) {
        self.clock = clock
    }

    /// How many writes succeeded (tests count round trips with it).
    package var successfulSaves: Int { state.withLock { $0.saves } }

    private var nowSeconds: Int64 { clock.nowEpochMilliseconds() / 1000 }

    package func save(_ write: ConversationWrite, deadline: Deadline) throws(StoreError) {
        let key = write.conversation.key
        let sessionKey = SessionKey(tenantID: write.session.tenantID, sessionID: write.session.sessionID)
        let now = nowSeconds
        try state.withLock { (state: inout State) throws(StoreError) in
            let existing = state.conversations[key].flatMap { $0.expiresAt > now ? $0 : nil }
            switch write.expectedVersion {
            case nil:
                guard existing == nil, state.sessions[sessionKey] == nil else { throw .alreadyExists }
            case let expected?:
                guard let existing, existing.version == expected else { throw .conflict }
            }
            let stored = state.messages[key] ?? [:]
            guard write.newMessages.allSatisfy({ stored[$0.seq] == nil }) else { throw .conflict }
            state.conversations[key] = write.conversation
            for message in write.newMessages { state.messages[key, default: [:]][message.seq] = message }
            state.sessions[sessionKey] = write.session
            if let outcome = write.confirmedOutcome {
                state.outcomes[OutcomeKey(tenantID: outcome.tenantID, userID: outcome.userID, topic: outcome.topic)] = outcome
            }
            state.saves += 1
        }
    }

    package func load(_ key: ConversationKey, recentMessages: Int, deadline: Deadline) throws(StoreError) -> ConversationSnapshot? {
        let now = nowSeconds
        return state.withLock { state in
            guard let conversation = state.conversations[key], conversation.expiresAt > now else { return nil }
            let messages = (state.messages[key] ?? [:]).values
                .filter { $0.expiresAt > now }
                .sorted { $0.seq < $1.seq }
                .suffix(recentMessages)
            return ConversationSnapshot(conversation: conversation, recentMessages: Array(messages))
        }
    }

    package func message(_ key: ConversationKey, seq: Int, deadline: Deadline) throws(StoreError) -> MessageRecord? {
        let now = nowSeconds
        return state.withLock { $0.messages[key]?[seq].flatMap { $0.expiresAt > now ? $0 : nil } }
    }

    package func messages(_ key: ConversationKey, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<MessageRecord> {
        let now = nowSeconds
        let all = state.withLock { state in (state.messages[key] ?? [:]).values.filter { $0.expiresAt > now } }
        return try SequencePaging.page(Array(all), scope: SequencePaging.scope(key, page), request: page)
    }

    package func conversations(
        tenantID: String, userID: String, filter: ConversationFilter, page: PageRequest, deadline: Deadline
    ) throws(StoreError) -> Page<ConversationRecord> {
        let now = nowSeconds
        let all = state.withLock { state in
            state.conversations.values.filter {
                $0.tenantID == tenantID && $0.userID == userID && $0.expiresAt > now && filter.matches($0)
            }
        }
        return try RecencyPaging.page(all, scope: .conversations(tenantID: tenantID, userID: userID), request: page) {
            StorageKeys.recencySortKey(epochMilliseconds: $0.updatedAt, id: $0.conversationID)
        }
    }

    package func session(tenantID: String, sessionID: String, deadline: Deadline) throws(StoreError) -> SessionRecord? {
        let now = nowSeconds
        return state.withLock { $0.sessions[SessionKey(tenantID: tenantID, sessionID: sessionID)].flatMap { $0.expiresAt > now ? $0 : nil } }
    }

    package func sessions(tenantID: String, userID: String, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<SessionRecord> {
        let now = nowSeconds
        let all = state.withLock { state in
            state.sessions.values.filter { $0.tenantID == tenantID && $0.userID == userID && $0.expiresAt > now }
        }
        return try RecencyPaging.page(all, scope: .sessions(tenantID: tenantID, userID: userID), request: page) {
            StorageKeys.recencySortKey(epochMilliseconds: $0.startedAt, id: $0.sessionID)
        }
    }

    package func outcomes(tenantID: String, userID: String, deadline: Deadline) throws(StoreError) -> [OutcomeRecord] {
        state.withLock { state in
            state.outcomes.values.filter { $0.tenantID == tenantID && $0.userID == userID }
                .sorted { $0.topic.journeyOrder < $1.topic.journeyOrder }
        }
    }

    package func checkReadiness(deadline: Deadline) throws(StoreError) {}
}
