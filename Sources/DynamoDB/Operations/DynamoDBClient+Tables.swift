import AWSCore
import Essentials

struct KeySchemaElement: Encodable {
    var attributeName: String
    var keyType: String
    enum CodingKeys: String, CodingKey {
        case attributeName = "AttributeName"
        case keyType = "KeyType"
    }

    static func schema(_ partition: String, _ sort: String) -> [KeySchemaElement] {
        [KeySchemaElement(attributeName: partition, keyType: "HASH"), KeySchemaElement(attributeName: sort, keyType: "RANGE")]
    }
}

struct CreateTableRequest: Encodable {
    var tableName: String
    var keySchema: [KeySchemaElement]
    var attributeDefinitions: [AttributeDefinition]
    var billingMode = "PAY_PER_REQUEST"
    var globalSecondaryIndexes: [Index]?

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case keySchema = "KeySchema"
        case attributeDefinitions = "AttributeDefinitions"
        case billingMode = "BillingMode"
        case globalSecondaryIndexes = "GlobalSecondaryIndexes"
    }

    /// Every key attribute is a string (`S`).
    struct AttributeDefinition: Encodable {
        var attributeName: String
        var attributeType = "S"
        enum CodingKeys: String, CodingKey {
            case attributeName = "AttributeName"
            case attributeType = "AttributeType"
        }
    }

    struct Index: Encodable {
        var indexName: String
        var keySchema: [KeySchemaElement]
        var projection = Projection()
        enum CodingKeys: String, CodingKey {
            case indexName = "IndexName"
            case keySchema = "KeySchema"
            case projection = "Projection"
        }
    }

    struct Projection: Encodable {
        var projectionType = "ALL"
        enum CodingKeys: String, CodingKey { case projectionType = "ProjectionType" }
    }

    init(_ definition: TableDefinition) {
        tableName = definition.tableName
        keySchema = KeySchemaElement.schema(definition.partitionKey, definition.sortKey)
        var keys: Set<String> = [definition.partitionKey, definition.sortKey]
        for index in definition.globalSecondaryIndexes {
            keys.formUnion([index.partitionKey, index.sortKey])
        }
        attributeDefinitions = keys.sorted().map { AttributeDefinition(attributeName: $0) }
        let indexes = definition.globalSecondaryIndexes.map { index in
            Index(indexName: index.name, keySchema: KeySchemaElement.schema(index.partitionKey, index.sortKey))
        }
        globalSecondaryIndexes = indexes.isEmpty ? nil : indexes
    }
}

struct TableNameRequest: Encodable {
    var tableName: String
    enum CodingKeys: String, CodingKey { case tableName = "TableName" }
}

struct TableDescriptionResponse: Decodable {
    var tableDescription: TableDescription?
    var table: TableDescription?
    enum CodingKeys: String, CodingKey {
        case tableDescription = "TableDescription"
        case table = "Table"
    }
}

/// Table set-up for tests, benchmarks and local DynamoDB: production
/// tables come from the SAM template, and the Lambda never calls these.
extension DynamoDBClient {
    /// Creates an on-demand table.
    @discardableResult
    package func createTable(_ definition: TableDefinition, deadline: Deadline = .none) throws(DynamoDBError) -> TableDescription {
        let response = try invoke("CreateTable", CreateTableRequest(definition), as: TableDescriptionResponse.self, deadline: deadline)
        guard let description = response.tableDescription else { throw .invalidResponse(operation: "CreateTable", requestID: nil) }
        return description
    }

    package func describeTable(_ name: String, deadline: Deadline = .none) throws(DynamoDBError) -> TableDescription {
        let response = try invoke("DescribeTable", TableNameRequest(tableName: name), as: TableDescriptionResponse.self, deadline: deadline)
        guard let table = response.table else { throw .invalidResponse(operation: "DescribeTable", requestID: nil) }
        return table
    }

    /// Polls `DescribeTable` until the table is `ACTIVE`, at most `attempts` times.
    package func waitUntilActive(_ name: String, attempts: Int = 60, intervalMilliseconds: Int64 = 500, deadline: Deadline = .none) throws(DynamoDBError) {
        for attempt in 0..<max(1, attempts) {
            if try describeTable(name, deadline: deadline).tableStatus == "ACTIVE" { return }
            if attempt + 1 < attempts { aws.dependencies.sleeper.sleep(milliseconds: intervalMilliseconds) }
        }
        throw .tableNotActive(name)
    }
}
