import AWSCore
import DynamoDB
import Foundation
import TestSupport

/// A fresh table in the shared moto server: `pk`/`sk` strings, and a GSI
/// `byUser` on `gsi1pk`/`updated_at`, like the conversations table.
struct MotoTable {
    let moto: MotoServer
    let client: DynamoDBClient
    let recorder: AWSCallRecorder
    let name: String

    init(_ prefix: String = "t") throws {
        moto = try MotoServer.shared()
        recorder = AWSCallRecorder()
        client = try moto.dynamoDBClient().withObserver(recorder)
        name = MotoServer.uniqueTableName(prefix)
        try client.createTable(TableDefinition(
            tableName: name,
            partitionKey: .init("pk"),
            sortKey: .init("sk"),
            globalSecondaryIndexes: [.init(name: "byUser", partitionKey: .init("gsi1pk"), sortKey: .init("updated_at"))]
        ))
        recorder.drain()
    }

    func key(_ pk: String, _ sk: String) -> DynamoDBItem { ["pk": .s(pk), "sk": .s(sk)] }
}

/// What the conversation header looks like in these tests.
struct ConversationMeta: Codable, Equatable {
    var pk: String
    var sk: String
    var status: String
    var version: Int
    var messageCount: Int
    var ttl: Int

    enum CodingKeys: String, CodingKey {
        case pk, sk, status, version
        case messageCount = "message_count"
        case ttl
    }
}
