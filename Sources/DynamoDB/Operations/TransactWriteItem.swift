/// One action of a `TransactWriteItems`: the store only ever puts whole
/// items, each under an optional condition.
package enum TransactWriteItem: Sendable {
    case put(table: String, item: DynamoDBItem, condition: Condition? = nil, onConditionFailure: ReturnValuesOnConditionCheckFailure = .none)
}
