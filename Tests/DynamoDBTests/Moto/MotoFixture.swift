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
            partitionKey: "pk",
            sortKey: "sk",
            globalSecondaryIndexes: [.init(name: "byUser", partitionKey: "gsi1pk", sortKey: "updated_at")]
        ))
        recorder.drain()
    }

    func key(_ pk: String, _ sk: String) -> DynamoDBItem { ["pk": .s(pk), "sk": .s(sk)] }

    /// Writes `items` in one transaction (the only write the client has).
    func put(_ items: DynamoDBItem...) throws {
        try client.transactWriteItems(items.map { .put(table: name, item: $0) })
    }
}
