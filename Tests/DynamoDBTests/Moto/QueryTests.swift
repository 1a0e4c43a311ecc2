import AWSCore
import DynamoDB
import Foundation
import Testing
import TestSupport

@Suite("Query pagination against moto")
struct QueryTests {
    private func message(_ table: MotoTable, _ conversation: String, _ index: Int) -> DynamoDBItem {
        table.key(conversation, String(format: "MSG#%04d", index)).merging([
            "text": .s("message \(index)"), "gsi1pk": "TENANT#t#USER#u", "updated_at": .s(String(format: "2026-01-01T00:00:%02dZ", index)),
        ]) { $1 }
    }

    private func seed(_ table: MotoTable, _ items: [DynamoDBItem]) throws {
        try table.client.transactWriteItems(items.map { .put(table: table.name, item: $0) })
    }

    @Test("query pages on LastEvaluatedKey, one round trip per page")
    func paginate() throws {
        let table = try MotoTable("paginate")
        try seed(table, (1...30).map { message(table, "conv", $0) })

        var input = QueryInput(tableName: table.name, keyCondition: KeyCondition(partitionKey: "pk", equals: "conv"), limit: 7)
        let first = try table.client.query(input)
        #expect(first.items.count == 7)
        #expect(first.items.first?["sk"] == "MSG#0001")
        let resumeKey = try #require(first.lastEvaluatedKey)
        var next = input
        next.exclusiveStartKey = resumeKey
        #expect(try table.client.query(next).items.first?["sk"] == "MSG#0008")

        table.recorder.drain()
        var all: [DynamoDBItem] = []
        var pages = 0
        repeat {
            let page = try table.client.query(input)
            pages += 1
            all += page.items
            input.exclusiveStartKey = page.lastEvaluatedKey
        } while input.exclusiveStartKey != nil
        #expect(all.count == 30)
        #expect(pages == 5)
        #expect(table.recorder.roundTrips == 5)
        #expect(Set(all.compactMap { $0["sk"] }).count == 30)
    }

    @Test("newest first, sort-key prefix, filters, strongly consistent reads")
    func queryShapes() throws {
        let table = try MotoTable("shapes")
        try seed(table, (1...12).map { message(table, "c", $0) })
        let newest = try table.client.query(QueryInput(
            tableName: table.name, keyCondition: KeyCondition(partitionKey: "pk", equals: "c"), limit: 3, scanIndexForward: false, consistentRead: true
        ))
        #expect(newest.items.compactMap { $0["sk"] } == ["MSG#0012", "MSG#0011", "MSG#0010"])

        let filtered = try table.client.query(QueryInput(
            tableName: table.name,
            keyCondition: KeyCondition(partitionKey: "pk", equals: "c", sortKey: "sk", .beginsWith("MSG#")),
            filter: .and([.equals("text", "message 7"), .compare("updated_at", .greaterThan, .value("2026-01-01T00:00:06Z"))])
        ))
        #expect(filtered.items.map { $0["text"] } == ["message 7"])
    }

    @Test("query a global secondary index")
    func queryIndex() throws {
        let table = try MotoTable("gsi")
        try seed(table, (1...4).map { message(table, "c\($0)", $0) })
        let page = try table.client.query(QueryInput(
            tableName: table.name,
            indexName: "byUser",
            keyCondition: KeyCondition(partitionKey: "gsi1pk", equals: "TENANT#t#USER#u"),
            scanIndexForward: false
        ))
        #expect(page.items.compactMap { $0["pk"] } == ["c4", "c3", "c2", "c1"])
    }
}
