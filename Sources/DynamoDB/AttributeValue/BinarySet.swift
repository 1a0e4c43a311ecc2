import FoundationEssentials

/// A DynamoDB binary set (`BS`); see ``StringSet``.
public struct BinarySet: Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    public var values: Set<Data>

    public init(_ values: Set<Data>) { self.values = values }
    public init(arrayLiteral elements: Data...) { values = Set(elements) }

    var sortedValues: [Data] { values.sorted { $0.lexicographicallyPrecedes($1) } }

    public init(from decoder: any Decoder) throws {
        values = Set(try decoder.singleValueContainer().decode([Data].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(sortedValues)
    }
}
