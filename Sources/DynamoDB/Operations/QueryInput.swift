/// `Query`: the items of one partition (of the table or an index), in
/// sort-key order, a page at a time.
public struct QueryInput: Sendable {
    public var tableName: String
    public var indexName: String?
    public var keyCondition: KeyCondition
    /// Applied after reading: filtered items still cost read capacity.
    public var filter: Condition?
    public var projection: Projection?
    /// Items to evaluate per page (before the filter).
    public var limit: Int?
    /// `false` reads in descending sort-key order (newest first).
    public var scanIndexForward: Bool
    /// Where to resume: the previous page's ``QueryPage/lastEvaluatedKey``.
    public var exclusiveStartKey: DynamoDBItem?
    public var consistentRead: Bool

    public init(
        tableName: String,
        indexName: String? = nil,
        keyCondition: KeyCondition,
        filter: Condition? = nil,
        projection: Projection? = nil,
        limit: Int? = nil,
        scanIndexForward: Bool = true,
        exclusiveStartKey: DynamoDBItem? = nil,
        consistentRead: Bool = false
    ) {
        self.tableName = tableName
        self.indexName = indexName
        self.keyCondition = keyCondition
        self.filter = filter
        self.projection = projection
        self.limit = limit
        self.scanIndexForward = scanIndexForward
        self.exclusiveStartKey = exclusiveStartKey
        self.consistentRead = consistentRead
    }
}
