import AWSCore
import DynamoDB
import Foundation
import Testing
import TestSupport

/// Tables and item reads against moto with signature checking on.
@Suite("DynamoDB tables and items against moto")
struct ItemOperationTests {
    @Test("create and describe a table with a GSI; creating it again is ResourceInUse")
    func tables() throws {
        let table = try MotoTable("tables")
        let description = try table.client.describeTable(table.name)
        #expect(description.tableName == table.name)
        #expect(description.tableStatus == "ACTIVE")
        try table.client.waitUntilActive(table.name)
        #expect {
            try table.client.createTable(TableDefinition(tableName: table.name, partitionKey: "pk", sortKey: "sk"))
        } throws: { ($0 as? DynamoDBError)?.code == "ResourceInUse" }
    }

    @Test("put then get an item: one round trip each, values exact")
    func putGet() throws {
        let table = try MotoTable("putget")
        let meta = table.key("TENANT#t1#CONV#c1", "META").merging([
            "status": "active", "version": 1, "message_count": 0, "ttl": 1_900_000_000, "fallback": false,
            "outcomes": ["a", "b"], "nested": ["k": [1, "x"]], "nothing": .null,
        ]) { $1 }
        try table.put(meta)
        let read = try table.client.getItem(table: table.name, key: table.key("TENANT#t1#CONV#c1", "META"), consistentRead: true)
        #expect(read == meta)
        #expect(table.recorder.recorded.map(\.operation) == ["TransactWriteItems", "GetItem"])
        #expect(table.recorder.roundTrips == 2)

        let precise: DynamoDBItem = table.key("p", "n").merging(["n": .n(DynamoDBNumber("12345678901234567890.123456789012345678")!)]) { $1 }
        try table.put(precise)
        #expect(try table.client.getItem(table: table.name, key: table.key("p", "n"))?["n"] == precise["n"])
    }

    @Test("get of a missing item is nil")
    func missing() throws {
        let table = try MotoTable("missing")
        #expect(try table.client.getItem(table: table.name, key: table.key("none", "none")) == nil)
    }

    @Test("conditional create: the second put is cancelled, with the current item (ALL_OLD) and a request id")
    func conditionalPut() throws {
        let table = try MotoTable("condput")
        let item = table.key("c", "META").merging(["version": 1]) { $1 }
        let create = {
            try table.client.transactWriteItems([.put(table: table.name, item: item, condition: .attributeNotExists("pk"), onConditionFailure: .allOld)])
        }
        try create()
        #expect {
            try create()
        } throws: { error in
            guard case .transactionCanceled(let reasons, let details) = error as? DynamoDBError else { return false }
            return reasons.map(\.code) == ["ConditionalCheckFailed"] && reasons.first?.item == item
                && details.requestID?.isEmpty == false && details.statusCode == 400
        }
        #expect(table.recorder.recorded.last?.attempts == 1, "a failed condition is never retried")
    }

    @Test("bad input fails locally, before any round trip")
    func localValidation() throws {
        let table = try MotoTable("local")
        let action = TransactWriteItem.put(table: table.name, item: table.key("a", "b"))
        #expect { try table.client.transactWriteItems([]) } throws: { ($0 as? DynamoDBError)?.code == "InvalidRequest" }
        #expect { try table.client.transactWriteItems(Array(repeating: action, count: 101)) } throws: { ($0 as? DynamoDBError)?.code == "InvalidRequest" }
        #expect { try table.client.transactWriteItems([action], clientRequestToken: "") } throws: { ($0 as? DynamoDBError)?.code == "InvalidRequest" }
        #expect {
            try table.client.transactWriteItems([action], clientRequestToken: String(repeating: "t", count: 37))
        } throws: { ($0 as? DynamoDBError)?.code == "InvalidRequest" }
        #expect {
            try table.client.query(QueryInput(tableName: table.name, keyCondition: KeyCondition(partitionKey: "pk", equals: "a"), limit: 0))
        } throws: { ($0 as? DynamoDBError)?.code == "InvalidRequest" }
        #expect(table.recorder.roundTrips == 0)
    }

    @Test("one client shared by concurrent threads")
    func concurrentUse() throws {
        let table = try MotoTable("concurrent")
        let failures = ThreadSafeCounter()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            do {
                let key = table.key("user", "item-\(index)")
                try table.put(key.merging(["n": .number(index)]) { $1 })
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
