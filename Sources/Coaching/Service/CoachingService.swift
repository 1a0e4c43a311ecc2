import CoachingContracts
import Essentials

/// The coaching domain: starts conversations, takes turns, changes status,
/// answers queries. Every side effect goes through its dependencies (store,
/// coach, clock, id generator), so it is a pure function of its inputs and
/// those.
///
/// Concurrency: each write names the header version it read. When another
/// writer got there first, the operation re-reads and tries again (up to
/// ``CoachingSettings/maxWriteAttempts``); a turn keeps the reply it already
/// has, so the model is called once per turn.
package struct CoachingService: Sendable {
    package let store: any ConversationStore
    package let coach: any Coach
    package let clock: any EpochClock
    package let ids: any IdentifierGenerator
    package let settings: CoachingSettings
    /// Waits between attempts that lost to a concurrent writer.
    package let sleeper: any Sleeper
    package let random: any RandomSource

    package init(
        store: any ConversationStore,
        coach: any Coach,
        clock: any EpochClock = SystemClock(),
        ids: any IdentifierGenerator = RandomIdentifierGenerator(),
        settings: CoachingSettings = CoachingSettings(),
        sleeper: any Sleeper = ThreadSleeper(),
        random: any RandomSource = SystemRandomSource()
    ) {
        self.store = store
        self.coach = coach
        self.clock = clock
        self.ids = ids
        self.settings = settings
        self.sleeper = sleeper
        self.random = random
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

    /// After losing attempt `attempt` (0-based) to another writer: a full-jitter
    /// pause (up to 25 ms, 50 ms, 100 ms ...), so two writers stop colliding in
    /// lockstep; never past the deadline.
    func backOff(after attempt: Int, deadline: Deadline) {
        let ceiling = Double(settings.conflictBackoffMilliseconds) * Double(1 << min(attempt, 6))
        var pause = Int64(random.nextUnitInterval() * ceiling)
        if let remaining = deadline.remainingMilliseconds(at: clock.nowEpochMilliseconds()) {
            pause = min(pause, max(0, remaining - 1_000))
        }
        sleeper.sleep(milliseconds: pause)
    }
}
