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
        var put: PutRequest
        enum CodingKeys: String, CodingKey { case put = "Put" }
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
        let transactItems = items.map { item in
            switch item {
            case .put(let table, let value, let condition, let onFailure):
                TransactWriteItemsRequest.TransactItem(put: PutRequest(table: table, item: value, condition: condition, onConditionFailure: onFailure))
            }
        }
        let request = TransactWriteItemsRequest(transactItems: transactItems, clientRequestToken: clientRequestToken)
        _ = try invoke("TransactWriteItems", request, as: EmptyResponse.self, deadline: deadline)
    }
}
