/// A DynamoDB number set (`NS`); see ``StringSet``.
package struct NumberSet: Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    package var values: Set<DynamoDBNumber>

    package init(_ values: Set<DynamoDBNumber>) { self.values = values }
    package init(arrayLiteral elements: DynamoDBNumber...) { values = Set(elements) }

    var sortedValues: [DynamoDBNumber] { values.sorted { $0.text < $1.text } }

    package init(from decoder: any Decoder) throws {
        values = Set(try decoder.singleValueContainer().decode([DynamoDBNumber].self))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(sortedValues)
    }
}
