import FoundationEssentials

/// A DynamoDB binary set (`BS`); see ``StringSet``.
package struct BinarySet: Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    package var values: Set<Data>

    package init(_ values: Set<Data>) { self.values = values }
    package init(arrayLiteral elements: Data...) { values = Set(elements) }

    var sortedValues: [Data] { values.sorted { $0.lexicographicallyPrecedes($1) } }

    package init(from decoder: any Decoder) throws {
        values = Set(try decoder.singleValueContainer().decode([Data].self))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(sortedValues)
    }
}
