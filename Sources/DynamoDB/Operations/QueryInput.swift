/// `Query`: the items of one partition (of the table or an index), in
/// sort-key order, a page at a time.
package struct QueryInput: Sendable {
    package var tableName: String
    package var indexName: String?
    package var keyCondition: KeyCondition
    /// Applied after reading: filtered items still cost read capacity.
    package var filter: Condition?
    /// Items to evaluate per page (before the filter).
    package var limit: Int?
    /// `false` reads in descending sort-key order (newest first).
    package var scanIndexForward: Bool
    /// Where to resume: the previous page's ``QueryPage/lastEvaluatedKey``.
    package var exclusiveStartKey: DynamoDBItem?
    package var consistentRead: Bool

    package init(
        tableName: String,
        indexName: String? = nil,
        keyCondition: KeyCondition,
        filter: Condition? = nil,
        limit: Int? = nil,
        scanIndexForward: Bool = true,
        exclusiveStartKey: DynamoDBItem? = nil,
        consistentRead: Bool = false
    ) {
        self.tableName = tableName
        self.indexName = indexName
        self.keyCondition = keyCondition
        self.filter = filter
        self.limit = limit
        self.scanIndexForward = scanIndexForward
        self.exclusiveStartKey = exclusiveStartKey
        self.consistentRead = consistentRead
    }
}
