import AWSCore
@testable import Coaching
import CoachingContracts
@testable import CoachingStorage
import Essentials
import Foundation
import LanguageModels
import Synchronization
import TestSupport

/// A coach that answers from a script and counts its calls.
final class ScriptedCoach: Coach {
    private let calls = Mutex<[CoachingTurn]>([])
    let failure: CoachError?
    let goalMet: Bool?
    /// Proposed as the draft once the minimums allow synthesis.
    let draft: CoachingOutcome?

    init(failure: CoachError? = nil, goalMet: Bool? = nil, draft: CoachingOutcome? = nil) {
        self.failure = failure
        self.goalMet = goalMet
        self.draft = draft
    }

    var turns: [CoachingTurn] { calls.withLock { $0 } }
    var callCount: Int { calls.withLock { $0.count } }

    func reply(to turn: CoachingTurn, deadline: Deadline) throws(CoachError) -> CoachReply {
        let index = calls.withLock { calls in
            calls.append(turn)
            return calls.count
        }
        if let failure { throw failure }
        let categories = TopicCatalog.definition(for: turn.topic).questionCategories
        return CoachReply(
            text: "Reply \(index) to \"\(turn.userMessage)\". What else?", followUpQuestion: "What else?",
            suggestions: ["More", "Less"], model: "scripted", usage: ModelUsage(inputTokens: 100, outputTokens: 20),
            businessContextUsed: turn.businessContext != nil, phaseGoalMet: goalMet,
            questionCategory: categories[index % categories.count],
            draftOutcome: turn.allowedPhase >= .synthesis ? draft : nil
        )
    }
}

/// A store that fails its writes (or reads) on demand, in front of a real one.
final class FaultyStore: ConversationStore {
    let inner: any ConversationStore
    let failSaves: Bool
    let failLoads: Bool

    init(_ inner: any ConversationStore, failSaves: Bool = false, failLoads: Bool = false) {
        self.inner = inner
        self.failSaves = failSaves
        self.failLoads = failLoads
    }

    func save(_ write: ConversationWrite, deadline: Deadline) throws(StoreError) {
        if failSaves { throw .unavailable("injected") }
        try inner.save(write, deadline: deadline)
    }

    func load(_ key: ConversationKey, recentMessages: Int, deadline: Deadline) throws(StoreError) -> ConversationSnapshot? {
        if failLoads { throw .unavailable("injected") }
        return try inner.load(key, recentMessages: recentMessages, deadline: deadline)
    }

    func message(_ key: ConversationKey, seq: Int, deadline: Deadline) throws(StoreError) -> MessageRecord? {
        try inner.message(key, seq: seq, deadline: deadline)
    }

    func messages(_ key: ConversationKey, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<MessageRecord> {
        try inner.messages(key, page: page, deadline: deadline)
    }

    func conversations(tenantID: String, userID: String, filter: ConversationFilter, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<ConversationRecord> {
        try inner.conversations(tenantID: tenantID, userID: userID, filter: filter, page: page, deadline: deadline)
    }

    func session(tenantID: String, sessionID: String, deadline: Deadline) throws(StoreError) -> SessionRecord? {
        try inner.session(tenantID: tenantID, sessionID: sessionID, deadline: deadline)
    }

    func sessions(tenantID: String, userID: String, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<SessionRecord> {
        try inner.sessions(tenantID: tenantID, userID: userID, page: page, deadline: deadline)
    }

    func outcomes(tenantID: String, userID: String, deadline: Deadline) throws(StoreError) -> [OutcomeRecord] {
        try inner.outcomes(tenantID: tenantID, userID: userID, deadline: deadline)
    }

    func checkReadiness(deadline: Deadline) throws(StoreError) {
        if failLoads { throw .unavailable("injected") }
    }
}

/// Sequential ids: `id-1`, `id-2` ...
final class CountingIDs: IdentifierGenerator {
    private let next = Mutex(0)
    func makeID() -> String { "id-" + String(next.withLock { $0 += 1; return $0 }) }
}

enum Callers {
    static let alice = CallerIdentity(userID: "alice", tenantID: "tenant-a", role: "owner")
    static let bob = CallerIdentity(userID: "bob", tenantID: "tenant-a")
    static let mallory = CallerIdentity(userID: "alice", tenantID: "tenant-b")
}

extension CoachingService {
    /// A service on an in-memory store with a scripted coach, on virtual time.
    static func testing(
        store: (any ConversationStore)? = nil, coach: any Coach = ScriptedCoach(), settings: CoachingSettings = CoachingSettings(),
        clock: VirtualTime = VirtualTime(startEpochMilliseconds: Records.now)
    ) -> CoachingService {
        CoachingService(store: store ?? InMemoryConversationStore(clock: clock), coach: coach, clock: clock, ids: CountingIDs(), settings: settings, sleeper: clock)
    }
}
