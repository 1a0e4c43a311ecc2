import AWSCore
import DynamoDB
import Foundation
import Testing
import TestSupport

@Suite("Query pagination and BatchWriteItem against moto")
struct QueryAndBatchTests {
    private func message(_ table: MotoTable, _ conversation: String, _ index: Int) -> WriteRequest {
        .put(item: table.key(conversation, String(format: "MSG#%04d", index)).merging([
            "text": .s("message \(index)"), "gsi1pk": "TENANT#t#USER#u", "updated_at": .s(String(format: "2026-01-01T00:00:%02dZ", index)),
        ]) { $1 })
    }

    @Test("batch write of 30 items takes two requests; query pages on LastEvaluatedKey")
    func batchAndPaginate() throws {
        let table = try MotoTable("paginate")
        let result = try table.client.batchWriteItem([table.name: (1...30).map { message(table, "conv", $0) }])
        #expect(result.requests == 2)

        let input = QueryInput(tableName: table.name, keyCondition: KeyCondition(partitionKey: "pk", equals: "conv"), limit: 7)
        let first = try table.client.query(input)
        #expect(first.items.count == 7)
        #expect(first.items.first?["sk"] == "MSG#0001")
        let resumeKey = try #require(first.lastEvaluatedKey)
        var next = input
        next.exclusiveStartKey = resumeKey
        #expect(try table.client.query(next).items.first?["sk"] == "MSG#0008")

        table.recorder.drain()
        let all = try table.client.queryAll(input)
        #expect(all.items.count == 30)
        #expect(all.pages == 5)
        #expect(table.recorder.roundTrips == 5)
        #expect(Set(all.items.compactMap { $0["sk"]?.stringValue }).count == 30)
    }

    @Test("newest first, sort-key conditions, filters, limits on the walk")
    func queryShapes() throws {
        let table = try MotoTable("shapes")
        try table.client.batchWriteItem([table.name: (1...12).map { message(table, "c", $0) }])
        let newest = try table.client.query(QueryInput(tableName: table.name, keyCondition: KeyCondition(partitionKey: "pk", equals: "c"), limit: 3, scanIndexForward: false))
        #expect(newest.items.compactMap { $0["sk"]?.stringValue } == ["MSG#0012", "MSG#0011", "MSG#0010"])

        let between = try table.client.queryAll(QueryInput(
            tableName: table.name,
            keyCondition: KeyCondition(partitionKey: "pk", equals: "c", sortKey: "sk", .between("MSG#0003", "MSG#0005"))
        ))
        #expect(between.items.count == 3)

        let filtered = try table.client.queryAll(QueryInput(
            tableName: table.name,
            keyCondition: KeyCondition(partitionKey: "pk", equals: "c", sortKey: "sk", .beginsWith("MSG#")),
            filter: .equals("text", "message 7")
        ))
        #expect(filtered.items.map { $0["text"] } == ["message 7"])

        let capped = try table.client.queryAll(QueryInput(tableName: table.name, keyCondition: KeyCondition(partitionKey: "pk", equals: "c"), limit: 5), maxItems: 6)
        #expect(capped.items.count == 6)
        #expect(capped.pages == 2)
        #expect(capped.lastEvaluatedKey != nil)
    }

    @Test("query a global secondary index")
    func queryIndex() throws {
        let table = try MotoTable("gsi")
        try table.client.batchWriteItem([table.name: (1...4).map { message(table, "c\($0)", $0) }])
        let page = try table.client.query(QueryInput(
            tableName: table.name,
            indexName: "byUser",
            keyCondition: KeyCondition(partitionKey: "gsi1pk", equals: "TENANT#t#USER#u", sortKey: "updated_at", .greaterThan("2026-01-01T00:00:02Z")),
            scanIndexForward: false
        ))
        #expect(page.items.compactMap { $0["pk"]?.stringValue } == ["c4", "c3"])
    }

    @Test("batch deletes")
    func batchDelete() throws {
        let table = try MotoTable("bdel")
        try table.client.batchWriteItem([table.name: (1...3).map { message(table, "c", $0) }])
        try table.client.batchWriteItem([table.name: (1...3).map { .delete(key: table.key("c", String(format: "MSG#%04d", $0))) }])
        #expect(try table.client.queryAll(QueryInput(tableName: table.name, keyCondition: KeyCondition(partitionKey: "pk", equals: "c"))).items.isEmpty)
    }
}
