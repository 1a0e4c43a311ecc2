/// A DynamoDB string set (`SS`). Plain `[String]` maps to a list (`L`);
/// use this wrapper where the attribute is a set. An empty set cannot be
/// stored: encoding one fails with ``AttributeValueCodingError/emptySet(path:)``.
package struct StringSet: Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    package var values: Set<String>

    package init(_ values: Set<String>) { self.values = values }
    package init(arrayLiteral elements: String...) { values = Set(elements) }

    /// Sorted, so that encoded items are stable.
    var sortedValues: [String] { values.sorted() }

    package init(from decoder: any Decoder) throws {
        values = Set(try decoder.singleValueContainer().decode([String].self))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(sortedValues)
    }
}
