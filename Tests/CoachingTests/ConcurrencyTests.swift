import AWSCore
@testable import Coaching
import CoachingContracts
@testable import CoachingStorage
import Essentials
import Foundation
import Testing
import TestSupport

/// Concurrent writers to one conversation never lose or duplicate a message.
@Suite struct ConcurrencyTests {
    @Test(arguments: StoreKind.allCases)
    func concurrentTurnsAreAllStoredExactlyOnceAndInPairs(kind: StoreKind) throws {
        let clock = VirtualTime(startEpochMilliseconds: Records.now)
        let store = try kind.make(clock: clock)
        let service = CoachingService.testing(store: store, settings: CoachingSettings(recentMessageWindow: 4, maxWriteAttempts: 100), clock: clock)
        let id = try service.start(Callers.alice, .init(topic: .goals), deadline: .none).conversation.conversationID
        let writers = 4, turnsEach = 5
        let failures = ThreadSafeCounter()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for turn in 0..<turnsEach {
                do {
                    _ = try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "writer \(writer) turn \(turn)"), deadline: .none)
                } catch {
                    failures.increment()
                }
            }
        }
        #expect(failures.value == 0)
        var messages: [MessageRecord] = []
        var cursor: String?
        repeat {
            let page = try service.conversation(Callers.alice, conversationID: id, messages: PageRequest(limit: 50, cursor: cursor), deadline: .none).messages
            messages += page.items
            cursor = page.nextCursor
        } while cursor != nil
        let total = 1 + 2 * writers * turnsEach
        #expect(messages.map(\.seq) == Array(1...total))
        let userTexts = messages.filter { $0.role == .user }.map(\.content)
        #expect(userTexts.count == writers * turnsEach)
        #expect(Set(userTexts).count == writers * turnsEach)
        // Each writer's turns are in its own order, and every reply follows its question.
        for writer in 0..<writers {
            let mine = userTexts.filter { $0.hasPrefix("writer \(writer) ") }
            #expect(mine == (0..<turnsEach).map { "writer \(writer) turn \($0)" })
        }
        for (user, assistant) in zip(messages.dropFirst().enumerated().filter { $0.offset % 2 == 0 }.map(\.element),
                                     messages.dropFirst().enumerated().filter { $0.offset % 2 == 1 }.map(\.element)) {
            #expect(user.role == .user)
            #expect(assistant.role == .assistant)
            #expect(assistant.content.contains("\"\(user.content)\""))
        }
        let header = try #require(try store.load(ConversationKey(tenantID: "tenant-a", conversationID: id), recentMessages: 0, deadline: .none))
        #expect(header.conversation.messageCount == total)
        #expect(header.conversation.userTurns == writers * turnsEach)
    }

    @Test func aWriterThatKeepsLosingGetsAConflictAndWritesNothing() throws {
        let clock = VirtualTime(startEpochMilliseconds: Records.now)
        let inner = InMemoryConversationStore(clock: clock)
        let id = try CoachingService.testing(store: inner, clock: clock).start(Callers.alice, .init(topic: .goals), deadline: .none).conversation.conversationID
        // Every save this store sees was pre-empted by another writer.
        let alwaysStale = ConflictingStore(inner)
        let coach = ScriptedCoach()
        let service = CoachingService.testing(store: alwaysStale, coach: coach, settings: CoachingSettings(maxWriteAttempts: 3), clock: clock)
        #expect(throws: CoachingError.conflict) {
            try service.takeTurn(Callers.alice, TurnRequest(conversationID: id, message: "hello there"), deadline: .none)
        }
        #expect(alwaysStale.attempts.value == 3)
        // Between attempts it paused, within the jitter ceilings (25 ms, 50 ms).
        let pauses = clock.sleeps
        #expect(pauses.count == 2)
        #expect(zip(pauses, [25, 50]).allSatisfy { $0 <= $1 })
        #expect(coach.callCount == 1)
        #expect(try inner.load(ConversationKey(tenantID: "tenant-a", conversationID: id), recentMessages: 10, deadline: .none)?.recentMessages.count == 1)
    }
}

/// Answers every save with a conflict, counting them.
final class ConflictingStore: ConversationStore {
    let inner: any ConversationStore
    let attempts = ThreadSafeCounter()

    init(_ inner: any ConversationStore) { self.inner = inner }

    func save(_ write: ConversationWrite, deadline: Deadline) throws(StoreError) {
        attempts.increment()
        throw .conflict
    }

    func load(_ key: ConversationKey, recentMessages: Int, deadline: Deadline) throws(StoreError) -> ConversationSnapshot? {
        try inner.load(key, recentMessages: recentMessages, deadline: deadline)
    }

    func message(_ key: ConversationKey, seq: Int, deadline: Deadline) throws(StoreError) -> MessageRecord? { nil }

    func messages(_ key: ConversationKey, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<MessageRecord> { Page(items: []) }

    func conversations(tenantID: String, userID: String, filter: ConversationFilter, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<ConversationRecord> {
        Page(items: [])
    }

    func session(tenantID: String, sessionID: String, deadline: Deadline) throws(StoreError) -> SessionRecord? { nil }

    func sessions(tenantID: String, userID: String, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<SessionRecord> { Page(items: []) }

    func outcomes(tenantID: String, userID: String, deadline: Deadline) throws(StoreError) -> [OutcomeRecord] {
        try inner.outcomes(tenantID: tenantID, userID: userID, deadline: deadline)
    }

    func checkReadiness(deadline: Deadline) throws(StoreError) {}
}
