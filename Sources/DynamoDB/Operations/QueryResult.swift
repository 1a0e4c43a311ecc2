/// Every page of a query, up to the limits given.
package struct QueryResult: Sendable {
    package var items: [DynamoDBItem]
    /// Requests made (one per page).
    package var pages: Int
    /// Set when a limit stopped the walk before the end: resume from here.
    package var lastEvaluatedKey: DynamoDBItem?
}
