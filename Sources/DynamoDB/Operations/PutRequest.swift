/// The wire shape of a transaction's `Put` action.
struct PutRequest: Encodable {
    var tableName: String
    var item: DynamoDBItem
    var conditionExpression: String?
    var expressionAttributeNames: [String: String]?
    var expressionAttributeValues: DynamoDBItem?
    var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case item = "Item"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }

    /// Renders the condition into placeholders.
    init(table: String, item: DynamoDBItem, condition: Condition?, onConditionFailure: ReturnValuesOnConditionCheckFailure) {
        var attributes = ExpressionAttributes()
        tableName = table
        self.item = item
        conditionExpression = condition?.render(into: &attributes)
        expressionAttributeNames = attributes.namesIfAny
        expressionAttributeValues = attributes.valuesIfAny
        returnValuesOnConditionCheckFailure = onConditionFailure.wireValue
    }
}
