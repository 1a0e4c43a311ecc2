import AWSCore
import DynamoDB
import Foundation
import Testing
import TestSupport

/// Every item operation against moto with signature checking on.
@Suite("DynamoDB item operations against moto")
struct ItemOperationTests {
    @Test("create and describe a table with a GSI")
    func tables() throws {
        let table = try MotoTable("tables")
        let description = try table.client.describeTable(table.name)
        #expect(description.tableName == table.name)
        #expect(description.tableStatus == "ACTIVE")
        #expect(description.globalSecondaryIndexNames == ["byUser"])
        try table.client.waitUntilActive(table.name)
        try table.client.updateTimeToLive(table: table.name, attributeName: "ttl")
        try table.client.deleteTable(table.name)
        #expect { try table.client.describeTable(table.name) } throws: { ($0 as? DynamoDBError)?.code == "ResourceNotFound" }
    }

    @Test("put then get a Codable item: one round trip each, values exact")
    func putGet() throws {
        let table = try MotoTable("putget")
        let meta = ConversationMeta(pk: "TENANT#t1#CONV#c1", sk: "META", status: "active", version: 1, messageCount: 0, ttl: 1_900_000_000)
        try table.client.putItem(meta, table: table.name)
        let read = try table.client.getItem(ConversationMeta.self, table: table.name, key: table.key(meta.pk, "META"), consistentRead: true)
        #expect(read == meta)
        #expect(table.recorder.recorded.map(\.operation) == ["PutItem", "GetItem"])
        #expect(table.recorder.roundTrips == 2)

        let precise: DynamoDBItem = table.key("p", "n").merging(["n": .n(DynamoDBNumber("12345678901234567890.123456789012345678")!)]) { $1 }
        try table.client.putItem(table: table.name, item: precise)
        #expect(try table.client.getItem(table: table.name, key: table.key("p", "n"))?["n"] == precise["n"])
    }

    @Test("get of a missing item is nil; projections return only what was asked")
    func missingAndProjection() throws {
        let table = try MotoTable("project")
        #expect(try table.client.getItem(table: table.name, key: table.key("none", "none")) == nil)
        try table.client.putItem(table: table.name, item: table.key("a", "b").merging(["status": "x", "name": "y", "other": 1]) { $1 })
        let projected = try table.client.getItem(table: table.name, key: table.key("a", "b"), projection: Projection(["status", "name"]))
        #expect(projected == ["status": "x", "name": "y"])
    }

    @Test("conditional create: the second put fails, with the current item (ALL_OLD) and a request id")
    func conditionalPut() throws {
        let table = try MotoTable("condput")
        let item = table.key("c", "META").merging(["version": 1]) { $1 }
        let create = { try table.client.putItem(table: table.name, item: item, condition: .attributeNotExists("pk"), onConditionFailure: .allOld) }
        try create()
        #expect {
            try create()
        } throws: { error in
            guard case .conditionalCheckFailed(let current, let details) = error as? DynamoDBError else { return false }
            return current == item && details.requestID?.isEmpty == false && details.statusCode == 400
        }
        #expect(table.recorder.recorded.last?.attempts == 1, "a failed condition is never retried")
    }

    @Test("optimistic locking with UpdateItem on reserved-word attributes")
    func optimisticUpdate() throws {
        let table = try MotoTable("lock")
        let key = table.key("c", "META")
        try table.client.putItem(table: table.name, item: key.merging(["version": 1, "status": "active", "ttl": 5]) { $1 })
        let bump = {
            try table.client.updateItem(
                table: table.name,
                key: key,
                update: UpdateExpression([.set("version", .increment("version", by: 1)), .set("status", .value("paused")), .add("count", 2), .remove("ttl")]),
                condition: .equals("version", 1),
                returnValues: .allNew,
                onConditionFailure: .allOld
            )
        }
        let updated = try #require(try bump())
        #expect(updated["version"]?.numberValue?.integer(as: Int.self) == 2)
        #expect(updated["status"] == "paused")
        #expect(updated["count"] == 2)
        #expect(updated["ttl"] == nil)
        #expect {
            try bump()
        } throws: { error in
            guard case .conditionalCheckFailed(let current, _) = error as? DynamoDBError else { return false }
            return current?["version"]?.numberValue?.integer(as: Int.self) == 2
        }
    }

    @Test("delete returns the old item; a conditional delete can fail")
    func delete() throws {
        let table = try MotoTable("delete")
        let key = table.key("d", "1")
        try table.client.putItem(table: table.name, item: key.merging(["status": "active"]) { $1 })
        #expect(throws: DynamoDBError.self) {
            try table.client.deleteItem(table: table.name, key: key, condition: .equals("status", "closed"))
        }
        let old = try table.client.deleteItem(table: table.name, key: key, condition: .equals("status", "active"), returnValues: .allOld)
        #expect(old?["status"] == "active")
        #expect(try table.client.getItem(table: table.name, key: key) == nil)
    }

    @Test("bad input fails locally, before any round trip")
    func localValidation() throws {
        let table = try MotoTable("local")
        #expect(throws: DynamoDBError.self) {
            try table.client.putItem(table: table.name, item: table.key("a", "b").merging(["tags": .ss([])]) { $1 })
        }
        #expect(throws: DynamoDBError.self) {
            try table.client.updateItem(table: table.name, key: table.key("a", "b"), update: UpdateExpression([]))
        }
        #expect(throws: DynamoDBError.self) { try table.client.transactWriteItems([]) }
        #expect(table.recorder.roundTrips == 0)
    }

    @Test("one client shared by concurrent threads")
    func concurrentUse() throws {
        let table = try MotoTable("concurrent")
        let failures = ThreadSafeCounter()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            do {
                let key = table.key("user", "item-\(index)")
                try table.client.putItem(table: table.name, item: key.merging(["n": .number(index)]) { $1 })
                guard try table.client.getItem(table: table.name, key: key)?["n"] == .number(index) else {
                    failures.increment()
                    return
                }
            } catch {
                failures.increment()
            }
        }
        #expect(failures.value == 0)
        #expect(table.recorder.roundTrips == 16)
    }
}
