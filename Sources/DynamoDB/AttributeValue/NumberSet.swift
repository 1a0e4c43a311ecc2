/// A DynamoDB number set (`NS`); see ``StringSet``.
public struct NumberSet: Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    public var values: Set<DynamoDBNumber>

    public init(_ values: Set<DynamoDBNumber>) { self.values = values }
    public init(arrayLiteral elements: DynamoDBNumber...) { values = Set(elements) }

    var sortedValues: [DynamoDBNumber] { values.sorted { $0.text < $1.text } }

    public init(from decoder: any Decoder) throws {
        values = Set(try decoder.singleValueContainer().decode([DynamoDBNumber].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(sortedValues)
    }
}
