import AWSCore
import Coaching
@testable import CoachingStorage
import DynamoDB
import Foundation
import TestSupport

/// Reads back what a runtime process stored, straight from the store.
struct StoredConversations {
    let store: any ConversationStore

    /// Every message of a conversation, in sequence order.
    func messages(_ conversationID: String, tenant: String = "tenant-a") throws -> [MessageRecord] {
        let key = ConversationKey(tenantID: tenant, conversationID: conversationID)
        var messages: [MessageRecord] = []
        var cursor: String?
        repeat {
            let page = try store.messages(key, page: PageRequest(limit: 100, cursor: cursor), deadline: .none)
            messages += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return messages
    }

    /// The conversation header.
    func header(_ conversationID: String, tenant: String = "tenant-a") throws -> ConversationRecord? {
        try store.load(ConversationKey(tenantID: tenant, conversationID: conversationID), recentMessages: 0, deadline: .none)?.conversation
    }

    /// How many stored messages have exactly this text.
    func count(of text: String, in conversationID: String, tenant: String = "tenant-a") throws -> Int {
        try messages(conversationID, tenant: tenant).filter { $0.content == text }.count
    }
}

/// A fresh pair of coaching tables in the shared moto server.
struct MotoCoachingTables {
    let moto: MotoServer
    let tables: DynamoDBTables
    let stored: StoredConversations

    init(moto: MotoServer? = nil) throws {
        self.moto = try moto ?? MotoServer.shared()
        let client = try self.moto.dynamoDBClient()
        tables = DynamoDBTables(conversations: MotoServer.uniqueTableName("rel-conversations"),
                                sessions: MotoServer.uniqueTableName("rel-sessions"))
        try tables.create(using: client)
        stored = StoredConversations(store: DynamoDBConversationStore(client: client, tables: tables))
    }

    /// The environment for a `bootstrap` using these tables through `endpoint` (moto itself by default).
    func environment(endpoint: String? = nil) -> [String: String] {
        var environment = moto.environment
        if let endpoint { environment["AWS_ENDPOINT_URL_DYNAMODB"] = endpoint }
        environment["CONVERSATIONS_TABLE"] = tables.conversations
        environment["COACHING_SESSIONS_TABLE"] = tables.sessions
        return environment
    }
}

/// The DynamoDB operation a request to the endpoint asked for (`Query`, `TransactWriteItems` ...).
extension FaultInjectingServer.Attempt {
    var operation: String {
        let target = request.headers["X-Amz-Target"] ?? ""
        return target.split(separator: ".").last.map(String.init) ?? target
    }
}

/// A loopback port nobody listens on: bound, then released.
enum ClosedPort {
    static func endpoint() throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
    }
}
