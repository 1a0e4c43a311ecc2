import AWSCore
import Essentials

struct GetItemRequest: Encodable {
    var tableName: String
    var key: DynamoDBItem
    var consistentRead: Bool?
    var projectionExpression: String?
    var expressionAttributeNames: [String: String]?

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case key = "Key"
        case consistentRead = "ConsistentRead"
        case projectionExpression = "ProjectionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
    }
}

struct GetItemResponse: Decodable {
    var item: DynamoDBItem?
    enum CodingKeys: String, CodingKey { case item = "Item" }
}

extension DynamoDBClient {
    /// `GetItem`: the item with this full key, or `nil` when there is none.
    /// - Parameters:
    ///   - consistentRead: a strongly consistent read (twice the read cost).
    ///   - projection: only these attributes.
    package func getItem(
        table: String,
        key: DynamoDBItem,
        consistentRead: Bool = false,
        projection: Projection? = nil,
        deadline: Deadline = .none
    ) throws(DynamoDBError) -> DynamoDBItem? {
        try validate(key)
        var attributes = ExpressionAttributes()
        let projectionText = projection?.render(into: &attributes)
        let request = GetItemRequest(
            tableName: table,
            key: key,
            consistentRead: consistentRead ? true : nil,
            projectionExpression: projectionText,
            expressionAttributeNames: attributes.namesIfAny
        )
        return try invoke("GetItem", request, as: GetItemResponse.self, deadline: deadline).item
    }

    /// The item decoded as `type`, or `nil` when there is none.
    package func getItem<Value: Decodable>(
        _ type: Value.Type,
        table: String,
        key: DynamoDBItem,
        consistentRead: Bool = false,
        deadline: Deadline = .none
    ) throws(DynamoDBError) -> Value? {
        guard let item = try getItem(table: table, key: key, consistentRead: consistentRead, deadline: deadline) else {
            return nil
        }
        return try decode(type, from: item)
    }

    /// ``decoder`` with the error typed for this client.
    package func decode<Value: Decodable>(_ type: Value.Type, from item: DynamoDBItem) throws(DynamoDBError) -> Value {
        do { return try decoder.decode(type, from: item) } catch { throw .decoding(error) }
    }

    /// ``encoder`` with the error typed for this client.
    package func encode<Value: Encodable>(_ value: Value) throws(DynamoDBError) -> DynamoDBItem {
        do { return try encoder.encode(value) } catch { throw .encoding(error) }
    }

    /// Rejects empty sets, duplicates and bad numbers before a round trip.
    func validate(_ item: DynamoDBItem?) throws(DynamoDBError) {
        guard let item else { return }
        do { try item.validateItem() } catch { throw .encoding(error) }
    }
}
