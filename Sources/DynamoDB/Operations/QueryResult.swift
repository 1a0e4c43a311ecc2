/// Every page of a query, up to the limits given.
public struct QueryResult: Sendable {
    public var items: [DynamoDBItem]
    /// Requests made (one per page).
    public var pages: Int
    /// Set when a limit stopped the walk before the end: resume from here.
    public var lastEvaluatedKey: DynamoDBItem?
}
