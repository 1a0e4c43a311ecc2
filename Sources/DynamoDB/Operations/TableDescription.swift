/// The parts of a table's description this project reads.
package struct TableDescription: Sendable, Decodable, Equatable {
    package var tableName: String
    /// `CREATING`, `ACTIVE`, `DELETING`, `UPDATING` …
    package var tableStatus: String?
    var itemCount: Int?
    package var globalSecondaryIndexNames: [String]

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case tableStatus = "TableStatus"
        case itemCount = "ItemCount"
        case globalSecondaryIndexes = "GlobalSecondaryIndexes"
    }

    private struct IndexName: Decodable {
        var indexName: String
        enum CodingKeys: String, CodingKey { case indexName = "IndexName" }
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tableName = try container.decode(String.self, forKey: .tableName)
        tableStatus = try container.decodeIfPresent(String.self, forKey: .tableStatus)
        itemCount = try container.decodeIfPresent(Int.self, forKey: .itemCount)
        globalSecondaryIndexNames = try container.decodeIfPresent([IndexName].self, forKey: .globalSecondaryIndexes)?.map(\.indexName) ?? []
    }
}
