extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .s(value) }
    public init(integerLiteral value: Int) { self = .n(DynamoDBNumber(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: AttributeValue...) { self = .l(elements) }
    public init(dictionaryLiteral elements: (String, AttributeValue)...) {
        self = .m(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension AttributeValue {
    /// A number attribute from any integer.
    public static func number<Value: BinaryInteger>(_ value: Value) -> AttributeValue { .n(DynamoDBNumber(value)) }

    public var stringValue: String? { if case .s(let value) = self { value } else { nil } }
    public var numberValue: DynamoDBNumber? { if case .n(let value) = self { value } else { nil } }
    public var boolValue: Bool? { if case .bool(let value) = self { value } else { nil } }
    public var mapValue: [String: AttributeValue]? { if case .m(let value) = self { value } else { nil } }
    public var listValue: [AttributeValue]? { if case .l(let value) = self { value } else { nil } }
    public var isNull: Bool { self == .null }
}
