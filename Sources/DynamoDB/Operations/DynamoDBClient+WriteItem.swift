import AWSCore
import Essentials

extension DynamoDBClient {
    /// `PutItem`: creates or replaces the item, optionally under a condition
    /// (`.attributeNotExists("pk")` to only create).
    /// - Returns: the old item when `returnValues` is `.allOld`.
    /// - Throws: ``DynamoDBError/conditionalCheckFailed(item:_:)`` with the
    ///   current item when `onConditionFailure` is `.allOld`.
    @discardableResult
    package func putItem(
        table: String,
        item: DynamoDBItem,
        condition: Condition? = nil,
        returnValues: ReturnValues = .none,
        onConditionFailure: ReturnValuesOnConditionCheckFailure = .none,
        deadline: Deadline = .none
    ) throws(DynamoDBError) -> DynamoDBItem? {
        let request = try writeRequest(table: table, item: item, condition: condition, returnValues: returnValues, onConditionFailure: onConditionFailure)
        return try invoke("PutItem", request, as: AttributesResponse.self, deadline: deadline).attributes
    }

    /// Encodes `value` with ``encoder`` and puts it.
    package func putItem<Value: Encodable>(_ value: Value, table: String, condition: Condition? = nil, deadline: Deadline = .none) throws(DynamoDBError) {
        try putItem(table: table, item: try encode(value), condition: condition, deadline: deadline)
    }

    /// `UpdateItem`: applies the update (creating the item when absent,
    /// unless the condition forbids it).
    /// - Returns: the attributes `returnValues` asks for.
    @discardableResult
    package func updateItem(
        table: String,
        key: DynamoDBItem,
        update: UpdateExpression,
        condition: Condition? = nil,
        returnValues: ReturnValues = .none,
        onConditionFailure: ReturnValuesOnConditionCheckFailure = .none,
        deadline: Deadline = .none
    ) throws(DynamoDBError) -> DynamoDBItem? {
        let request = try writeRequest(
            table: table, key: key, update: update, condition: condition, returnValues: returnValues, onConditionFailure: onConditionFailure
        )
        return try invoke("UpdateItem", request, as: AttributesResponse.self, deadline: deadline).attributes
    }

    /// `DeleteItem`: removes the item, optionally under a condition.
    /// - Returns: the old item when `returnValues` is `.allOld`.
    @discardableResult
    package func deleteItem(
        table: String,
        key: DynamoDBItem,
        condition: Condition? = nil,
        returnValues: ReturnValues = .none,
        onConditionFailure: ReturnValuesOnConditionCheckFailure = .none,
        deadline: Deadline = .none
    ) throws(DynamoDBError) -> DynamoDBItem? {
        let request = try writeRequest(table: table, key: key, condition: condition, returnValues: returnValues, onConditionFailure: onConditionFailure)
        return try invoke("DeleteItem", request, as: AttributesResponse.self, deadline: deadline).attributes
    }
}
