import AWSCore
import Essentials

struct QueryRequest: Encodable {
    var tableName: String
    var indexName: String?
    var keyConditionExpression: String
    var filterExpression: String?
    var expressionAttributeNames: [String: String]?
    var expressionAttributeValues: DynamoDBItem?
    var limit: Int?
    var scanIndexForward: Bool?
    var exclusiveStartKey: DynamoDBItem?
    var consistentRead: Bool?

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case indexName = "IndexName"
        case keyConditionExpression = "KeyConditionExpression"
        case filterExpression = "FilterExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case limit = "Limit"
        case scanIndexForward = "ScanIndexForward"
        case exclusiveStartKey = "ExclusiveStartKey"
        case consistentRead = "ConsistentRead"
    }
}

struct QueryResponse: Decodable {
    var items: [DynamoDBItem]?
    var lastEvaluatedKey: DynamoDBItem?

    enum CodingKeys: String, CodingKey {
        case items = "Items"
        case lastEvaluatedKey = "LastEvaluatedKey"
    }
}

extension DynamoDBClient {
    /// One page: a single round trip.
    package func query(_ input: QueryInput, deadline: Deadline = .none) throws(DynamoDBError) -> QueryPage {
        if let limit = input.limit, limit < 1 { throw .invalidRequest("Limit must be at least 1") }
        var attributes = ExpressionAttributes()
        let keyCondition = input.keyCondition.render(into: &attributes)
        let filter = input.filter?.render(into: &attributes)
        let request = QueryRequest(
            tableName: input.tableName,
            indexName: input.indexName,
            keyConditionExpression: keyCondition,
            filterExpression: filter,
            expressionAttributeNames: attributes.namesIfAny,
            expressionAttributeValues: attributes.valuesIfAny,
            limit: input.limit,
            scanIndexForward: input.scanIndexForward ? nil : false,
            exclusiveStartKey: input.exclusiveStartKey,
            consistentRead: input.consistentRead ? true : nil
        )
        let response = try invoke("Query", request, as: QueryResponse.self, deadline: deadline)
        return QueryPage(items: response.items ?? [], lastEvaluatedKey: response.lastEvaluatedKey)
    }
}
