import AWSCore
import Essentials

struct TransactWriteItemsRequest: Encodable {
    var transactItems: [TransactItem]
    var clientRequestToken: String?

    enum CodingKeys: String, CodingKey {
        case transactItems = "TransactItems"
        case clientRequestToken = "ClientRequestToken"
    }

    struct TransactItem: Encodable {
        var put: ItemWriteRequest?
        var update: ItemWriteRequest?
        var delete: ItemWriteRequest?
        var conditionCheck: ItemWriteRequest?

        enum CodingKeys: String, CodingKey {
            case put = "Put"
            case update = "Update"
            case delete = "Delete"
            case conditionCheck = "ConditionCheck"
        }
    }
}

extension DynamoDBClient {
    /// The most actions one transaction may hold.
    static let transactionLimit = 100

    /// Applies every action or none. A failed condition, a conflict or any
    /// other per-action failure throws ``DynamoDBError/transactionCanceled(reasons:_:)``
    /// with one reason per action, in order.
    ///
    /// - Parameter clientRequestToken: makes retries idempotent for 10
    ///   minutes (1 to 36 characters).
    package func transactWriteItems(
        _ items: [TransactWriteItem],
        clientRequestToken: String? = nil,
        deadline: Deadline = .none
    ) throws(DynamoDBError) {
        guard (1...Self.transactionLimit).contains(items.count) else {
            throw .invalidRequest("a transaction holds 1 to \(Self.transactionLimit) actions, not \(items.count)")
        }
        if let clientRequestToken, !(1...36).contains(clientRequestToken.count) {
            throw .invalidRequest("ClientRequestToken must be 1 to 36 characters")
        }
        var transactItems: [TransactWriteItemsRequest.TransactItem] = []
        for item in items {
            switch item {
            case .put(let table, let value, let condition, let onFailure):
                let request = try writeRequest(table: table, item: value, condition: condition, onConditionFailure: onFailure)
                transactItems.append(.init(put: request))
            case .update(let table, let key, let update, let condition, let onFailure):
                let request = try writeRequest(table: table, key: key, update: update, condition: condition, onConditionFailure: onFailure)
                transactItems.append(.init(update: request))
            case .delete(let table, let key, let condition, let onFailure):
                let request = try writeRequest(table: table, key: key, condition: condition, onConditionFailure: onFailure)
                transactItems.append(.init(delete: request))
            case .conditionCheck(let table, let key, let condition, let onFailure):
                let request = try writeRequest(table: table, key: key, condition: condition, onConditionFailure: onFailure)
                transactItems.append(.init(conditionCheck: request))
            }
        }
        let request = TransactWriteItemsRequest(transactItems: transactItems, clientRequestToken: clientRequestToken)
        _ = try invoke("TransactWriteItems", request, as: EmptyResponse.self, deadline: deadline)
    }
}
