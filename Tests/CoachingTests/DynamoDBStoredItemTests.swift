@testable import Coaching
import CoachingContracts
@testable import CoachingStorage
import DynamoDB
import Foundation
import Testing
import TestSupport

/// Items in moto that the service did not write that way: every read
/// answers a corrupt-record error naming the attribute, and never traps.
@Suite struct DynamoDBStoredItemTests {
    let client: DynamoDBClient
    let tables: DynamoDBTables
    let store: DynamoDBConversationStore

    init() throws {
        client = try MotoServer.shared().dynamoDBClient()
        tables = DynamoDBTables(conversations: MotoServer.uniqueTableName("corrupt-conv"), sessions: MotoServer.uniqueTableName("corrupt-sess"))
        try tables.create(using: client)
        store = DynamoDBConversationStore(client: client, tables: tables, clock: VirtualTime(startEpochMilliseconds: 1_800_000_000_000))
    }

    private func put(_ item: DynamoDBItem, in table: String) throws {
        try client.transactWriteItems([.put(table: table, item: item)])
    }

    private func isCorrupt(_ error: any Error, naming attribute: String) -> Bool {
        guard case .corruptRecord(let text)? = error as? StoreError else { return false }
        return text.contains(attribute)
    }

    @Test func theGoldenItemsAreReadFromTheTable() throws {
        try put(StoredItemMappingTests.golden("conversation-full"), in: tables.conversations)
        try put(StoredItemMappingTests.golden("message-user"), in: tables.conversations)
        try put(StoredItemMappingTests.golden("message-assistant"), in: tables.conversations)
        try put(StoredItemMappingTests.golden("session-full"), in: tables.sessions)
        let snapshot = try #require(try store.load(StoredItemSamples.key, recentMessages: 5, deadline: .none))
        #expect(snapshot.conversation == StoredItemSamples.conversations[0].1)
        #expect(snapshot.recentMessages == [StoredItemSamples.messages[2].1, StoredItemSamples.messages[0].1])
        #expect(try store.session(tenantID: "tenant-a", sessionID: "session-1", deadline: .none) == StoredItemSamples.sessions[0].1)
    }

    @Test func aMalformedHeaderFailsTheTurnReadAndTheListing() throws {
        var header = try StoredItemMappingTests.golden("conversation-full")
        header["version"] = "thirteen"
        try put(header, in: tables.conversations)
        #expect { try store.load(StoredItemSamples.key, recentMessages: 5, deadline: .none) } throws: { isCorrupt($0, naming: "version") }
        #expect {
            try store.conversations(tenantID: "tenant-a", userID: "user-1", filter: ConversationFilter(), page: PageRequest(limit: 10), deadline: .none)
        } throws: { isCorrupt($0, naming: "version") }
    }

    @Test func aMalformedMessageOrSessionIsACorruptRecord() throws {
        var message = try StoredItemMappingTests.golden("message-assistant")
        message["suggestions"] = ["fine", false]
        try put(message, in: tables.conversations)
        #expect { try store.message(StoredItemSamples.key, seq: 2, deadline: .none) } throws: { isCorrupt($0, naming: "suggestions[1]") }
        var session = try StoredItemMappingTests.golden("session-full")
        session["topic"] = nil
        try put(session, in: tables.sessions)
        #expect { try store.session(tenantID: "tenant-a", sessionID: "session-1", deadline: .none) } throws: { isCorrupt($0, naming: "topic") }
    }
}
