/// One page of a query.
public struct QueryPage: Sendable {
    public var items: [DynamoDBItem]
    /// `nil` when the query is complete. Note that moto (unlike DynamoDB)
    /// omits it when exactly `Limit` items remained.
    public var lastEvaluatedKey: DynamoDBItem?
    public var scannedCount: Int
}
