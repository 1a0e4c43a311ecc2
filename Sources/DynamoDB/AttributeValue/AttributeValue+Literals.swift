extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    package init(stringLiteral value: String) { self = .s(value) }
    package init(integerLiteral value: Int) { self = .n(DynamoDBNumber(value)) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(arrayLiteral elements: AttributeValue...) { self = .l(elements) }
    package init(dictionaryLiteral elements: (String, AttributeValue)...) {
        self = .m(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension AttributeValue {
    /// A number attribute from any integer.
    package static func number<Value: BinaryInteger>(_ value: Value) -> AttributeValue { .n(DynamoDBNumber(value)) }
}
