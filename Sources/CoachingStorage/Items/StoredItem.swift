import DynamoDB

/// An item with an explicit DynamoDB form: attribute names and types as
/// docs/ARCHITECTURE.md ("Storage") lists them. The same names are the
/// item's `CodingKeys` in the file store's JSON; a test checks they agree.
protocol StoredItem {
    /// Reads a stored item; a missing or mistyped attribute throws, naming it.
    init(item: DynamoDBItem) throws(ItemError)
    /// The attributes to store; `nil` optionals are left out.
    var attributes: DynamoDBItem { get throws(ItemError) }
}

extension AttributeValue {
    /// A number attribute from a `Double`, which must be finite.
    static func number(_ value: Double, attribute name: String) throws(ItemError) -> AttributeValue {
        guard let number = DynamoDBNumber(value) else { throw .nonFiniteNumber(attribute: name) }
        return .n(number)
    }

    static func strings(_ values: [String]) -> AttributeValue { .l(values.map { .s($0) }) }
    static func integers<Value: BinaryInteger>(_ values: [Value]) -> AttributeValue { .l(values.map { .number($0) }) }
}
