/// The wire shape shared by `PutItem`, `UpdateItem`, `DeleteItem` and the
/// four `TransactWriteItems` actions: which fields are present says which.
struct ItemWriteRequest: Encodable {
    var tableName: String
    var item: DynamoDBItem?
    var key: DynamoDBItem?
    var updateExpression: String?
    var conditionExpression: String?
    var expressionAttributeNames: [String: String]?
    var expressionAttributeValues: DynamoDBItem?
    var returnValues: ReturnValues?
    var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case item = "Item"
        case key = "Key"
        case updateExpression = "UpdateExpression"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValues = "ReturnValues"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }
}

extension DynamoDBClient {
    /// Renders the expressions into placeholders and validates every value
    /// (item, key, expression values) before anything is sent.
    func writeRequest(
        table: String,
        item: DynamoDBItem? = nil,
        key: DynamoDBItem? = nil,
        update: UpdateExpression? = nil,
        condition: Condition?,
        returnValues: ReturnValues = .none,
        onConditionFailure: ReturnValuesOnConditionCheckFailure
    ) throws(DynamoDBError) -> ItemWriteRequest {
        if let update, update.actions.isEmpty { throw .invalidRequest("an update needs at least one action") }
        try validate(item)
        try validate(key)
        var attributes = ExpressionAttributes()
        let updateText = update?.render(into: &attributes)
        let conditionText = condition?.render(into: &attributes)
        try validate(attributes.valuesIfAny)
        return ItemWriteRequest(
            tableName: table,
            item: item,
            key: key,
            updateExpression: updateText,
            conditionExpression: conditionText,
            expressionAttributeNames: attributes.namesIfAny,
            expressionAttributeValues: attributes.valuesIfAny,
            returnValues: returnValues.wireValue,
            returnValuesOnConditionCheckFailure: onConditionFailure.wireValue
        )
    }
}

/// Item attributes returned by a write (`Attributes`).
struct AttributesResponse: Decodable {
    var attributes: DynamoDBItem?
    enum CodingKeys: String, CodingKey { case attributes = "Attributes" }
}
