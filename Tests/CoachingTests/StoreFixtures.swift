import AWSCore
@testable import Coaching
import CoachingContracts
@testable import CoachingStorage
import DynamoDB
import Essentials
import Foundation
import LanguageModels
import Testing
import TestSupport

/// The three store implementations, for tests that must hold for each.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case memory
    case file
    case dynamoDB

    var testDescription: String { rawValue }

    /// A fresh, empty store of this kind on `clock`.
    func make(clock: any EpochClock) throws -> any ConversationStore {
        switch self {
        case .memory:
            return InMemoryConversationStore(clock: clock)
        case .file:
            return try FileConversationStore(directory: try TemporaryDirectory(prefix: "coaching-store").url.path, clock: clock)
        case .dynamoDB:
            let moto = try MotoServer.shared()
            let client = try moto.dynamoDBClient()
            let tables = DynamoDBTables(
                conversations: MotoServer.uniqueTableName("conversations"),
                sessions: MotoServer.uniqueTableName("sessions")
            )
            try tables.create(using: client)
            return DynamoDBConversationStore(client: client, tables: tables, clock: clock)
        }
    }
}

/// Builders for records in tests.
enum Records {
    static let now: Int64 = 1_800_000_000_000
    static let far: Int64 = now / 1000 + 86_400 * 30

    static func conversation(
        tenant: String = "tenant-a", id: String = "conv-1", user: String = "user-1", session: String? = nil,
        topic: CoachingTopic = .coreValues, status: ConversationStatus = .active, messageCount: Int = 0,
        version: Int = 1, updatedAt: Int64 = now, expiresAt: Int64 = far
    ) -> ConversationRecord {
        ConversationRecord(
            tenantID: tenant, conversationID: id, userID: user, sessionID: session ?? "session-\(id)", topic: topic,
            status: status, messageCount: messageCount, version: version, createdAt: now, updatedAt: updatedAt,
            expiresAt: expiresAt
        )
    }

    static func message(_ seq: Int, role: MessageRole? = nil, text: String? = nil, expiresAt: Int64 = far) -> MessageRecord {
        let role = role ?? (seq % 2 == 1 ? .assistant : .user)
        return MessageRecord(
            seq: seq, role: role, content: text ?? "message \(seq)", createdAt: now + Int64(seq),
            reply: role == .assistant ? ReplyMetadata(phase: .introduction, suggestions: ["a", "b"], model: "test-model",
                                                      usage: ModelUsage(inputTokens: 10, outputTokens: 5)) : nil,
            expiresAt: expiresAt
        )
    }

    /// Creates `conversation` with `messages` and returns the store's view of it.
    static func create(_ conversation: ConversationRecord, messages: [MessageRecord] = [], in store: any ConversationStore) throws {
        var header = conversation
        header.messageCount = messages.map(\.seq).max() ?? 0
        try store.save(ConversationWrite(conversation: header, expectedVersion: nil, newMessages: messages), deadline: .none)
    }
}
