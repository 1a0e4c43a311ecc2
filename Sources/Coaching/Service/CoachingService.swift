import AWSCore
import CoachingContracts

/// The coaching domain: starts conversations, takes turns, changes status,
/// answers queries. Every side effect goes through its dependencies (store,
/// coach, clock, id generator), so it is a pure function of its inputs and
/// those.
///
/// Concurrency: each write names the header version it read. When another
/// writer got there first, the operation re-reads and tries again (up to
/// ``CoachingSettings/maxWriteAttempts``); a turn keeps the reply it already
/// has, so the model is called once per turn.
public struct CoachingService: Sendable {
    public let store: any ConversationStore
    public let coach: any Coach
    public let clock: any AWSClock
    public let ids: any IdentifierGenerator
    public let settings: CoachingSettings

    public init(
        store: any ConversationStore,
        coach: any Coach,
        clock: any AWSClock = SystemClock(),
        ids: any IdentifierGenerator = RandomIdentifierGenerator(),
        settings: CoachingSettings = CoachingSettings()
    ) {
        self.store = store
        self.coach = coach
        self.clock = clock
        self.ids = ids
        self.settings = settings
    }

    var now: Int64 { clock.nowEpochMilliseconds() }

    func expiry(from now: Int64) -> Int64 {
        now / 1000 + Int64(settings.retentionDays) * 86_400
    }

    /// Loads a conversation the caller owns; another tenant's or another
    /// user's conversation is simply not found.
    func loadOwned(_ identity: CallerIdentity, _ conversationID: String, recentMessages: Int, deadline: Deadline) throws(CoachingError) -> ConversationSnapshot {
        let key = ConversationKey(tenantID: identity.tenantID, conversationID: conversationID)
        let snapshot: ConversationSnapshot?
        do {
            snapshot = try store.load(key, recentMessages: recentMessages, deadline: deadline)
        } catch {
            throw CoachingError(error)
        }
        guard let snapshot, snapshot.conversation.userID == identity.userID else { throw .conversationNotFound }
        return snapshot
    }

    func save(_ write: ConversationWrite, deadline: Deadline) throws(StoreError) {
        try store.save(write, deadline: deadline)
    }
}
