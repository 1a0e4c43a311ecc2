/// One page of a query.
package struct QueryPage: Sendable {
    package var items: [DynamoDBItem]
    /// `nil` when the query is complete. Note that moto (unlike DynamoDB)
    /// omits it when exactly `Limit` items remained.
    package var lastEvaluatedKey: DynamoDBItem?
}
