import AWSCore
import Essentials

struct GetItemRequest: Encodable {
    var tableName: String
    var key: DynamoDBItem
    var consistentRead: Bool?

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case key = "Key"
        case consistentRead = "ConsistentRead"
    }
}

struct GetItemResponse: Decodable {
    var item: DynamoDBItem?
    enum CodingKeys: String, CodingKey { case item = "Item" }
}

extension DynamoDBClient {
    /// `GetItem`: the item with this full key, or `nil` when there is none.
    /// - Parameter consistentRead: a strongly consistent read (twice the read cost).
    package func getItem(
        table: String,
        key: DynamoDBItem,
        consistentRead: Bool = false,
        deadline: Deadline = .none
    ) throws(DynamoDBError) -> DynamoDBItem? {
        let request = GetItemRequest(tableName: table, key: key, consistentRead: consistentRead ? true : nil)
        return try invoke("GetItem", request, as: GetItemResponse.self, deadline: deadline).item
    }
}
