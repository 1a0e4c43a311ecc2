/// One write of a `BatchWriteItem`.
package enum WriteRequest: Sendable, Equatable, Codable {
    case put(item: DynamoDBItem)
    case delete(key: DynamoDBItem)

    enum CodingKeys: String, CodingKey {
        case putRequest = "PutRequest"
        case deleteRequest = "DeleteRequest"
    }

    enum PutKeys: String, CodingKey { case item = "Item" }
    enum DeleteKeys: String, CodingKey { case key = "Key" }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.putRequest) {
            let put = try container.nestedContainer(keyedBy: PutKeys.self, forKey: .putRequest)
            self = .put(item: try put.decode(DynamoDBItem.self, forKey: .item))
        } else {
            let delete = try container.nestedContainer(keyedBy: DeleteKeys.self, forKey: .deleteRequest)
            self = .delete(key: try delete.decode(DynamoDBItem.self, forKey: .key))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .put(let item):
            var put = container.nestedContainer(keyedBy: PutKeys.self, forKey: .putRequest)
            try put.encode(item, forKey: .item)
        case .delete(let key):
            var delete = container.nestedContainer(keyedBy: DeleteKeys.self, forKey: .deleteRequest)
            try delete.encode(key, forKey: .key)
        }
    }

    var attributes: DynamoDBItem {
        switch self {
        case .put(let item): item
        case .delete(let key): key
        }
    }
}
