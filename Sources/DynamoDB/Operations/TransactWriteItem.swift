/// One action of a `TransactWriteItems`; every action may carry a condition.
package enum TransactWriteItem: Sendable {
    case put(table: String, item: DynamoDBItem, condition: Condition? = nil, onConditionFailure: ReturnValuesOnConditionCheckFailure = .none)
    case update(table: String, key: DynamoDBItem, update: UpdateExpression, condition: Condition? = nil, onConditionFailure: ReturnValuesOnConditionCheckFailure = .none)
    case delete(table: String, key: DynamoDBItem, condition: Condition? = nil, onConditionFailure: ReturnValuesOnConditionCheckFailure = .none)
    /// Checks an item the transaction does not write.
    case conditionCheck(table: String, key: DynamoDBItem, condition: Condition, onConditionFailure: ReturnValuesOnConditionCheckFailure = .none)
}
