import AWSCore
@testable import Coaching
import CoachingContracts
import Foundation
import Testing
import TestSupport

/// The store contract, checked on every implementation (DynamoDB through
/// moto's server with signature checking on).
@Suite struct ConversationStoreTests {
    let clock = VirtualTime(startEpochMilliseconds: Records.now)

    @Test(arguments: StoreKind.allCases)
    func messagesPageNewestFirstWithTheirOwnCursors(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        try Records.create(Records.conversation(), messages: (1...5).map { Records.message($0) }, in: store)
        let key = ConversationKey(tenantID: "tenant-a", conversationID: "conv-1")
        let first = try store.messages(key, page: PageRequest(limit: 2, newestFirst: true), deadline: .none)
        #expect(first.items.map(\.seq) == [5, 4])
        let second = try store.messages(key, page: PageRequest(limit: 2, cursor: first.nextCursor, newestFirst: true), deadline: .none)
        #expect(second.items.map(\.seq) == [3, 2])
        let third = try store.messages(key, page: PageRequest(limit: 2, cursor: second.nextCursor, newestFirst: true), deadline: .none)
        #expect(third.items.map(\.seq) == [1])
        #expect(third.nextCursor == nil)
        // A newest-first cursor does not open the oldest-first listing (it would skip or repeat messages).
        #expect(throws: StoreError.invalidCursor) {
            try store.messages(key, page: PageRequest(limit: 2, cursor: first.nextCursor), deadline: .none)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func createsAndLoadsWithTheNewestMessagesOldestFirst(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        try Records.create(Records.conversation(), messages: (1...7).map { Records.message($0) }, in: store)
        let key = ConversationKey(tenantID: "tenant-a", conversationID: "conv-1")
        let snapshot = try #require(try store.load(key, recentMessages: 3, deadline: .none))
        #expect(snapshot.conversation.messageCount == 7)
        #expect(snapshot.recentMessages.map(\.seq) == [5, 6, 7])
        #expect(snapshot.recentMessages.last == Records.message(7))
        #expect(try store.load(key, recentMessages: 0, deadline: .none)?.recentMessages.isEmpty == true)
        #expect(try store.load(key, recentMessages: 50, deadline: .none)?.recentMessages.count == 7)
    }

    @Test(arguments: StoreKind.allCases)
    func recordsRoundTripExactly(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        var conversation = Records.conversation(topic: .vision)
        conversation.summary = "- The user said: \"quotes\" | pipes % and é"
        conversation.summarizedThrough = 2
        conversation.tokens = .init(inputTokens: 123, outputTokens: 45)
        conversation.estimatedCostUSD = 0.001234
        conversation.lastModel = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
        conversation.idempotencyKeys = [IdempotencyEntry(key: "k-1", assistantSeq: 3),
                                        IdempotencyEntry(key: "k-2", assistantSeq: 5, requestDigest: String(repeating: "ab", count: 32))]
        conversation.lastMessagePreview = "What would you refuse to give up…"
        conversation.pauseReason = "lunch"
        try Records.create(conversation, messages: [Records.message(1), Records.message(2), Records.message(3)], in: store)
        let loaded = try #require(try store.load(conversation.key, recentMessages: 5, deadline: .none))
        conversation.messageCount = 3
        #expect(loaded.conversation == conversation)
        #expect(try store.session(tenantID: "tenant-a", sessionID: conversation.sessionID, deadline: .none) == conversation.session)
        #expect(try store.message(conversation.key, seq: 3, deadline: .none) == Records.message(3))
        #expect(try store.message(conversation.key, seq: 9, deadline: .none) == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func creatingTwiceIsAlreadyExists(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        try Records.create(Records.conversation(), in: store)
        #expect(throws: StoreError.alreadyExists) { try Records.create(Records.conversation(), in: store) }
    }

    @Test(arguments: StoreKind.allCases)
    func staleVersionsAndTakenSequenceNumbersConflict(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        try Records.create(Records.conversation(), messages: [Records.message(1)], in: store)
        var next = Records.conversation(messageCount: 3, version: 2)
        try store.save(ConversationWrite(conversation: next, expectedVersion: 1, newMessages: [Records.message(2), Records.message(3)]), deadline: .none)
        // A second writer that read version 1 loses, and writes nothing.
        next.version = 2
        #expect(throws: StoreError.conflict) {
            try store.save(ConversationWrite(conversation: next, expectedVersion: 1, newMessages: [Records.message(4)]), deadline: .none)
        }
        // The right version but a taken message number also loses, atomically.
        next.version = 3
        #expect(throws: StoreError.conflict) {
            try store.save(ConversationWrite(conversation: next, expectedVersion: 2, newMessages: [Records.message(3, text: "dup")]), deadline: .none)
        }
        let snapshot = try #require(try store.load(next.key, recentMessages: 10, deadline: .none))
        #expect(snapshot.conversation.version == 2)
        #expect(snapshot.recentMessages.map(\.seq) == [1, 2, 3])
        #expect(snapshot.recentMessages[2].content == "message 3")
    }

    @Test(arguments: StoreKind.allCases)
    func updatingAMissingConversationConflicts(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        #expect(throws: StoreError.conflict) {
            try store.save(ConversationWrite(conversation: Records.conversation(version: 2), expectedVersion: 1), deadline: .none)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func expiredRecordsAreNeverReturned(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        let soon = Records.now / 1000 + 60
        try Records.create(Records.conversation(id: "short", expiresAt: soon), messages: [Records.message(1, expiresAt: soon)], in: store)
        try Records.create(Records.conversation(id: "long"), messages: [Records.message(1, expiresAt: soon), Records.message(2)], in: store)
        clock.advance(milliseconds: 120_000)
        let short = ConversationKey(tenantID: "tenant-a", conversationID: "short")
        let long = ConversationKey(tenantID: "tenant-a", conversationID: "long")
        #expect(try store.load(short, recentMessages: 5, deadline: .none) == nil)
        #expect(try store.session(tenantID: "tenant-a", sessionID: "session-short", deadline: .none) == nil)
        #expect(try store.load(long, recentMessages: 5, deadline: .none)?.recentMessages.map(\.seq) == [2])
        #expect(try store.message(long, seq: 1, deadline: .none) == nil)
        #expect(try store.messages(long, page: PageRequest(limit: 10), deadline: .none).items.map(\.seq) == [2])
        let listed = try store.conversations(tenantID: "tenant-a", userID: "user-1", filter: .init(), page: PageRequest(limit: 10), deadline: .none)
        #expect(listed.items.map(\.conversationID) == ["long"])
    }

    @Test(arguments: StoreKind.allCases)
    func messagesPageOldestFirst(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        try Records.create(Records.conversation(), messages: (1...5).map { Records.message($0) }, in: store)
        let key = ConversationKey(tenantID: "tenant-a", conversationID: "conv-1")
        let first = try store.messages(key, page: PageRequest(limit: 2), deadline: .none)
        #expect(first.items.map(\.seq) == [1, 2])
        let second = try store.messages(key, page: PageRequest(limit: 2, cursor: first.nextCursor), deadline: .none)
        #expect(second.items.map(\.seq) == [3, 4])
        let third = try store.messages(key, page: PageRequest(limit: 2, cursor: second.nextCursor), deadline: .none)
        #expect(third.items.map(\.seq) == [5])
        #expect(third.nextCursor == nil)
        let exact = try store.messages(key, page: PageRequest(limit: 5), deadline: .none)
        #expect(exact.items.count == 5)
        #expect(exact.nextCursor == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func listsAUsersConversationsNewestFirstWithFilters(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        for index in 1...5 {
            try Records.create(Records.conversation(
                id: "c\(index)", topic: index % 2 == 0 ? .goals : .purpose, status: index == 3 ? .paused : .active,
                updatedAt: Records.now + Int64(index) * 1000
            ), in: store)
        }
        try Records.create(Records.conversation(id: "other-user", user: "user-2"), in: store)
        try Records.create(Records.conversation(tenant: "tenant-b", id: "other-tenant"), in: store)

        var seen: [String] = []
        var cursor: String?
        repeat {
            let page = try store.conversations(tenantID: "tenant-a", userID: "user-1", filter: .init(), page: PageRequest(limit: 2, cursor: cursor), deadline: .none)
            #expect(page.items.count <= 2)
            seen += page.items.map(\.conversationID)
            cursor = page.nextCursor
        } while cursor != nil
        #expect(seen == ["c5", "c4", "c3", "c2", "c1"])

        let goals = try store.conversations(tenantID: "tenant-a", userID: "user-1", filter: .init(topic: .goals), page: PageRequest(limit: 10), deadline: .none)
        #expect(goals.items.map(\.conversationID) == ["c4", "c2"])
        let paused = try store.conversations(tenantID: "tenant-a", userID: "user-1", filter: .init(statuses: [.paused]), page: PageRequest(limit: 10), deadline: .none)
        #expect(paused.items.map(\.conversationID) == ["c3"])
    }

    @Test(arguments: StoreKind.allCases)
    func listingsLeaveAbandonedOutUnlessAskedAndTakeSeveralStatuses(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        let statuses: [ConversationStatus] = [.active, .abandoned, .paused, .completed, .abandoned]
        for (index, status) in statuses.enumerated() {
            try Records.create(Records.conversation(id: "c\(index)", status: status, updatedAt: Records.now + Int64(index) * 1000), in: store)
        }
        func list(_ filter: ConversationFilter) throws -> [String] {
            try store.conversations(tenantID: "tenant-a", userID: "user-1", filter: filter, page: PageRequest(limit: 10), deadline: .none)
                .items.map(\.conversationID)
        }
        #expect(try list(.init()) == ["c3", "c2", "c0"])
        #expect(try list(.init(statuses: [.abandoned])) == ["c4", "c1"])
        #expect(try list(.init(statuses: [.active, .completed])) == ["c3", "c0"])
        #expect(try list(.init(statuses: ConversationStatus.allCases)) == ["c4", "c3", "c2", "c1", "c0"])
    }

    @Test(arguments: StoreKind.allCases)
    func cursorsOnlyOpenTheirOwnListing(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        for index in 1...3 { try Records.create(Records.conversation(id: "c\(index)", updatedAt: Records.now + Int64(index)), in: store) }
        let page = try store.conversations(tenantID: "tenant-a", userID: "user-1", filter: .init(), page: PageRequest(limit: 1), deadline: .none)
        let cursor = try #require(page.nextCursor)
        #expect(throws: StoreError.invalidCursor) {
            try store.conversations(tenantID: "tenant-a", userID: "user-2", filter: .init(), page: PageRequest(limit: 1, cursor: cursor), deadline: .none)
        }
        #expect(throws: StoreError.invalidCursor) {
            try store.sessions(tenantID: "tenant-a", userID: "user-1", page: PageRequest(limit: 1, cursor: cursor), deadline: .none)
        }
        for garbage in ["", "!!!", "bm90IGEgY3Vyc29y", String(repeating: "A", count: 5000)] {
            #expect(throws: StoreError.invalidCursor) {
                try store.conversations(tenantID: "tenant-a", userID: "user-1", filter: .init(), page: PageRequest(limit: 1, cursor: garbage), deadline: .none)
            }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func sessionsFollowTheirConversation(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        try Records.create(Records.conversation(id: "c1", updatedAt: Records.now), in: store)
        try Records.create(Records.conversation(id: "c2", updatedAt: Records.now + 5), in: store)
        var updated = Records.conversation(id: "c1", status: .completed, version: 2)
        updated.tokens = .init(inputTokens: 7, outputTokens: 9)
        updated.completedAt = Records.now + 10
        try store.save(ConversationWrite(conversation: updated, expectedVersion: 1), deadline: .none)
        let session = try #require(try store.session(tenantID: "tenant-a", sessionID: "session-c1", deadline: .none))
        #expect(session.status == .completed)
        #expect(session.tokens == .init(inputTokens: 7, outputTokens: 9))
        #expect(session.completedAt == Records.now + 10)
        #expect(try store.session(tenantID: "tenant-b", sessionID: "session-c1", deadline: .none) == nil)
        let sessions = try store.sessions(tenantID: "tenant-a", userID: "user-1", page: PageRequest(limit: 10), deadline: .none)
        #expect(Set(sessions.items.map(\.sessionID)) == ["session-c1", "session-c2"])
        try store.checkReadiness(deadline: .none)
    }

    @Test(arguments: StoreKind.allCases)
    func anotherTenantsIDsDoNotResolve(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        try Records.create(Records.conversation(tenant: "tenant-a", id: "shared-id"), messages: [Records.message(1)], in: store)
        let foreign = ConversationKey(tenantID: "tenant-b", conversationID: "shared-id")
        #expect(try store.load(foreign, recentMessages: 5, deadline: .none) == nil)
        #expect(try store.message(foreign, seq: 1, deadline: .none) == nil)
        #expect(try store.messages(foreign, page: PageRequest(limit: 5), deadline: .none).items.isEmpty)
    }
}
