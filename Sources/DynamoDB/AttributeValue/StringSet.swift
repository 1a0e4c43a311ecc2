/// A DynamoDB string set (`SS`). Plain `[String]` maps to a list (`L`);
/// use this wrapper where the attribute is a set. An empty set cannot be
/// stored: encoding one fails with ``AttributeValueCodingError/emptySet(path:)``.
public struct StringSet: Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    public var values: Set<String>

    public init(_ values: Set<String>) { self.values = values }
    public init(arrayLiteral elements: String...) { values = Set(elements) }

    /// Sorted, so that encoded items are stable.
    var sortedValues: [String] { values.sorted() }

    public init(from decoder: any Decoder) throws {
        values = Set(try decoder.singleValueContainer().decode([String].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(sortedValues)
    }
}
