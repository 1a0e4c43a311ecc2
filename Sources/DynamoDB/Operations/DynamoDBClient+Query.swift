import AWSCore
import Essentials

struct QueryRequest: Encodable {
    var tableName: String
    var indexName: String?
    var keyConditionExpression: String
    var filterExpression: String?
    var projectionExpression: String?
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
        case projectionExpression = "ProjectionExpression"
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
    var scannedCount: Int?
    var lastEvaluatedKey: DynamoDBItem?

    enum CodingKeys: String, CodingKey {
        case items = "Items"
        case scannedCount = "ScannedCount"
        case lastEvaluatedKey = "LastEvaluatedKey"
    }
}

extension DynamoDBClient {
    /// One page: a single round trip.
    package func query(_ input: QueryInput, deadline: Deadline = .none) throws(DynamoDBError) -> QueryPage {
        if let limit = input.limit, limit < 1 { throw .invalidRequest("Limit must be at least 1") }
        try validate(input.exclusiveStartKey)
        var attributes = ExpressionAttributes()
        let keyCondition = input.keyCondition.render(into: &attributes)
        let filter = input.filter?.render(into: &attributes)
        let projection = input.projection?.render(into: &attributes)
        try validate(attributes.valuesIfAny)
        let request = QueryRequest(
            tableName: input.tableName,
            indexName: input.indexName,
            keyConditionExpression: keyCondition,
            filterExpression: filter,
            projectionExpression: projection,
            expressionAttributeNames: attributes.namesIfAny,
            expressionAttributeValues: attributes.valuesIfAny,
            limit: input.limit,
            scanIndexForward: input.scanIndexForward ? nil : false,
            exclusiveStartKey: input.exclusiveStartKey,
            consistentRead: input.consistentRead ? true : nil
        )
        let response = try invoke("Query", request, as: QueryResponse.self, deadline: deadline)
        return QueryPage(items: response.items ?? [], lastEvaluatedKey: response.lastEvaluatedKey, scannedCount: response.scannedCount ?? 0)
    }

    /// Follows `LastEvaluatedKey` page after page until the query is done,
    /// `maxItems` items are collected, or `maxPages` requests were made.
    package func queryAll(
        _ input: QueryInput,
        maxItems: Int? = nil,
        maxPages: Int = 100,
        deadline: Deadline = .none
    ) throws(DynamoDBError) -> QueryResult {
        var input = input
        var result = QueryResult(items: [], pages: 0, lastEvaluatedKey: nil)
        while result.pages < maxPages {
            let page = try query(input, deadline: deadline)
            result.pages += 1
            result.items.append(contentsOf: page.items)
            result.lastEvaluatedKey = page.lastEvaluatedKey
            guard let next = page.lastEvaluatedKey else { break }
            if let maxItems, result.items.count >= maxItems { break }
            input.exclusiveStartKey = next
        }
        if let maxItems, result.items.count > maxItems { result.items.removeLast(result.items.count - maxItems) }
        return result
    }
}
