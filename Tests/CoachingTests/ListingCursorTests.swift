import AWSCore
@testable import Coaching
@testable import CoachingStorage
import CoachingContracts
import Essentials
import Foundation
import Testing
import TestSupport

/// Listings never hide items behind a missing cursor, and cursors open only
/// the listing they came from.
@Suite struct ListingCursorTests {
    let clock = VirtualTime(startEpochMilliseconds: Records.now)

    /// Reported issue 20: 3 active conversations behind 215 newer abandoned
    /// ones listed as 0 items and no cursor on DynamoDB (10 pages read at most).
    @Test(arguments: StoreKind.allCases)
    func filteredListingsReachEveryMatchThroughCursors(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        for index in 0..<3 {
            try Records.create(Records.conversation(id: "active-\(index)", updatedAt: Records.now - 1_000_000 + Int64(index)), in: store)
        }
        for index in 0..<105 {
            try Records.create(Records.conversation(id: "gone-\(index)", status: .abandoned, updatedAt: Records.now + Int64(index)), in: store)
        }
        var found: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let page = try store.conversations(
                tenantID: "tenant-a", userID: "user-1", filter: ConversationFilter(statuses: [.active]),
                page: PageRequest(limit: 1, cursor: cursor), deadline: .none
            )
            found += page.items.map(\.conversationID)
            cursor = page.nextCursor
            pages += 1
        } while cursor != nil && pages < 200
        #expect(found == ["active-2", "active-1", "active-0"])
        #expect(cursor == nil)
    }

    /// A crafted cursor with empty key fields went on to DynamoDB and came
    /// back as a retryable 503 (`unavailable`); it is an invalid cursor.
    @Test(arguments: StoreKind.allCases)
    func cursorsWithEmptyOrForeignKeysAreInvalid(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        try Records.create(Records.conversation(), in: store)
        for fields in CraftedCursors.conversations(tenant: "tenant-a", user: "user-1") {
            #expect(throws: StoreError.invalidCursor) {
                _ = try store.conversations(tenantID: "tenant-a", userID: "user-1", filter: ConversationFilter(),
                                            page: PageRequest(limit: 5, cursor: fields), deadline: .none)
            }
        }
        for fields in CraftedCursors.sessions(tenant: "tenant-a", user: "user-1") {
            #expect(throws: StoreError.invalidCursor) {
                _ = try store.sessions(tenantID: "tenant-a", userID: "user-1", page: PageRequest(limit: 5, cursor: fields), deadline: .none)
            }
        }
        for fields in CraftedCursors.messages(tenant: "tenant-a", conversation: "conv-1") {
            #expect(throws: StoreError.invalidCursor) {
                _ = try store.messages(ConversationKey(tenantID: "tenant-a", conversationID: "conv-1"),
                                       page: PageRequest(limit: 5, cursor: fields), deadline: .none)
            }
        }
    }

    /// `kind:tenant:user` could not tell tenant `t:a`/user `u` from tenant
    /// `t`/user `a:u`: one's cursor opened the other's listing.
    @Test(arguments: StoreKind.allCases)
    func aCursorDoesNotOpenAListingWhoseIdsJoinTheSame(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        for index in 0..<3 {
            try Records.create(Records.conversation(tenant: "t", id: "c\(index)", user: "a:u", updatedAt: Records.now + Int64(index)), in: store)
            try Records.create(Records.conversation(tenant: "t:a", id: "c\(index)", user: "u", updatedAt: Records.now + Int64(index)), in: store)
        }
        let first = try store.conversations(tenantID: "t", userID: "a:u", filter: ConversationFilter(), page: PageRequest(limit: 1), deadline: .none)
        let cursor = try #require(first.nextCursor)
        #expect(throws: StoreError.invalidCursor) {
            _ = try store.conversations(tenantID: "t:a", userID: "u", filter: ConversationFilter(), page: PageRequest(limit: 1, cursor: cursor), deadline: .none)
        }
        let second = try store.conversations(tenantID: "t", userID: "a:u", filter: ConversationFilter(), page: PageRequest(limit: 1, cursor: cursor), deadline: .none)
        #expect(second.items.map(\.conversationID) == ["c1"])
    }
}
