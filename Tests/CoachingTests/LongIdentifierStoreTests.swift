import AWSCore
@testable import Coaching
@testable import CoachingStorage
import Foundation
import Testing
import TestSupport

/// Ids may be up to 128 characters (`ContractLimits.maxIdentifierLength`):
/// every store keeps and finds records under ids of that length. (The file
/// store once hex-encoded them into file names over the 255-byte limit and
/// answered 503 for every long id; contract fuzzing found it.)
@Suite struct LongIdentifierStoreTests {
    let clock = VirtualTime(startEpochMilliseconds: Records.now)

    @Test(arguments: StoreKind.allCases)
    func keepsAndFindsRecordsUnderMaximumLengthIds(kind: StoreKind) throws {
        let store = try kind.make(clock: clock)
        let tenant = "t" + String(repeating: "0", count: 127)
        let conversation = Records.conversation(tenant: tenant, id: String(repeating: "c", count: 128), user: "user-1",
                                                session: String(repeating: "s", count: 128))
        try Records.create(conversation, messages: [Records.message(1), Records.message(2)], in: store)
        let loaded = try #require(try store.load(conversation.key, recentMessages: 5, deadline: .none))
        #expect(loaded.conversation.conversationID == conversation.conversationID)
        #expect(loaded.recentMessages.map(\.seq) == [1, 2])
        #expect(try store.session(tenantID: tenant, sessionID: conversation.sessionID, deadline: .none)?.conversationID
            == conversation.conversationID)
        let page = try store.conversations(tenantID: tenant, userID: "user-1", filter: ConversationFilter(), page: PageRequest(limit: 10),
                                           deadline: .none)
        #expect(page.items.map(\.conversationID) == [conversation.conversationID])
        let other = ConversationKey(tenantID: tenant, conversationID: String(repeating: "c", count: 127) + "d")
        #expect(try store.load(other, recentMessages: 1, deadline: .none) == nil)
    }

    @Test func fileNamesStayHexForShortIdsAndFitForLongOnes() {
        #expect(FileConversationStore.fileName("conv-1") == "636f6e762d31")
        let hundred = String(repeating: "a", count: FileConversationStore.maxHexNamedBytes)
        #expect(FileConversationStore.fileName(hundred) == String(repeating: "61", count: 100))
        let long = FileConversationStore.fileName(hundred + "a")
        #expect(long.hasPrefix("sha256-") && long.utf8.count == 71)
        #expect(long != FileConversationStore.fileName(hundred + "b"))
    }
}
