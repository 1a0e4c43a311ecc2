import AWSCore
import Essentials

struct KeySchemaElement: Encodable {
    var attributeName: String
    var keyType: String
    enum CodingKeys: String, CodingKey {
        case attributeName = "AttributeName"
        case keyType = "KeyType"
    }

    static func schema(_ partition: TableDefinition.KeyAttribute, _ sort: TableDefinition.KeyAttribute?) -> [KeySchemaElement] {
        [KeySchemaElement(attributeName: partition.name, keyType: "HASH")]
            + (sort.map { [KeySchemaElement(attributeName: $0.name, keyType: "RANGE")] } ?? [])
    }
}

struct AttributeDefinition: Encodable {
    var attributeName: String
    var attributeType: TableDefinition.ScalarType
    enum CodingKeys: String, CodingKey {
        case attributeName = "AttributeName"
        case attributeType = "AttributeType"
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

    struct Index: Encodable {
        var indexName: String
        var keySchema: [KeySchemaElement]
        var projection: ProjectionSpecification
        enum CodingKeys: String, CodingKey {
            case indexName = "IndexName"
            case keySchema = "KeySchema"
            case projection = "Projection"
        }
    }

    struct ProjectionSpecification: Encodable {
        var projectionType: String
        var nonKeyAttributes: [String]?
        enum CodingKeys: String, CodingKey {
            case projectionType = "ProjectionType"
            case nonKeyAttributes = "NonKeyAttributes"
        }
    }

    init(_ definition: TableDefinition) {
        tableName = definition.tableName
        keySchema = KeySchemaElement.schema(definition.partitionKey, definition.sortKey)
        var definitions: [String: TableDefinition.ScalarType] = [:]
        var keys = [definition.partitionKey] + (definition.sortKey.map { [$0] } ?? [])
        for index in definition.globalSecondaryIndexes {
            keys.append(index.partitionKey)
            if let sortKey = index.sortKey { keys.append(sortKey) }
        }
        for key in keys { definitions[key.name] = key.type }
        attributeDefinitions = definitions.sorted { $0.key < $1.key }.map { AttributeDefinition(attributeName: $0.key, attributeType: $0.value) }
        let indexes = definition.globalSecondaryIndexes.map { index in
            let projection: ProjectionSpecification = switch index.projection {
            case .all: ProjectionSpecification(projectionType: "ALL")
            case .keysOnly: ProjectionSpecification(projectionType: "KEYS_ONLY")
            case .include(let names): ProjectionSpecification(projectionType: "INCLUDE", nonKeyAttributes: names)
            }
            return Index(indexName: index.name, keySchema: KeySchemaElement.schema(index.partitionKey, index.sortKey), projection: projection)
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

struct UpdateTimeToLiveRequest: Encodable {
    var tableName: String
    var specification: Specification

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case specification = "TimeToLiveSpecification"
    }

    struct Specification: Encodable {
        var enabled: Bool
        var attributeName: String
        enum CodingKeys: String, CodingKey {
            case enabled = "Enabled"
            case attributeName = "AttributeName"
        }
    }
}

extension DynamoDBClient {
    /// Creates an on-demand table (tests and local set-up; production
    /// tables come from the SAM template).
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

    package func deleteTable(_ name: String, deadline: Deadline = .none) throws(DynamoDBError) {
        _ = try invoke("DeleteTable", TableNameRequest(tableName: name), as: TableDescriptionResponse.self, deadline: deadline)
    }

    /// Turns TTL on (or off) for `attributeName` (epoch seconds). Expired
    /// items may linger for days: reads must still filter them.
    package func updateTimeToLive(table: String, attributeName: String, enabled: Bool = true, deadline: Deadline = .none) throws(DynamoDBError) {
        let request = UpdateTimeToLiveRequest(tableName: table, specification: .init(enabled: enabled, attributeName: attributeName))
        _ = try invoke("UpdateTimeToLive", request, as: EmptyResponse.self, deadline: deadline)
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
