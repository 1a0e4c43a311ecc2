import FoundationEssentials

/// Decodes DynamoDB items into `Decodable` values, with the rules of
/// ``DynamoDBEncoder`` read backwards. Missing attributes decode as `nil`
/// optionals; `NULL` does too.
package struct DynamoDBDecoder: Sendable {
    /// Dates are read from `S` (ISO 8601, with or without fractional
    /// seconds) or `N` (seconds, or milliseconds with `.epochMilliseconds`).
    package var dateDecodingStrategy: DynamoDBEncoder.DateEncodingStrategy

    package init(dateDecodingStrategy: DynamoDBEncoder.DateEncodingStrategy = .iso8601) {
        self.dateDecodingStrategy = dateDecodingStrategy
    }

    package func decode<Value: Decodable>(_ type: Value.Type, from item: DynamoDBItem) throws(AttributeValueCodingError) -> Value {
        try decode(type, fromAttribute: .m(item))
    }

    package func decode<Value: Decodable>(_ type: Value.Type, fromAttribute value: AttributeValue) throws(AttributeValueCodingError) -> Value {
        do {
            return try unbox(value, as: type, codingPath: [])
        } catch {
            throw AttributeValueCodingError.wrapping(error)
        }
    }

    func unbox<Value: Decodable>(_ value: AttributeValue, as type: Value.Type, codingPath: [any CodingKey]) throws -> Value {
        if let direct = try directValue(value, as: type, codingPath: codingPath) { return direct }
        return try Value(from: AttributeDecoding(value: value, options: self, codingPath: codingPath))
    }

    private func directValue<Value>(_ value: AttributeValue, as type: Value.Type, codingPath: [any CodingKey]) throws -> Value? {
        if let attribute = value as? Value { return attribute }
        func mismatch(_ expected: String) -> AttributeValueCodingError {
            .typeMismatch(path: .init(codingPath), expected: expected, found: value.typeName)
        }
        if type == DynamoDBNumber.self {
            guard case .n(let number) = value else { throw mismatch("N") }
            return number as? Value
        }
        if type == Data.self {
            guard case .b(let data) = value else { throw mismatch("B") }
            return data as? Value
        }
        if type == Date.self {
            return try date(value, codingPath: codingPath) as? Value
        }
        if type == Decimal.self {
            guard case .n(let number) = value, let decimal = number.decimalValue else { throw mismatch("N") }
            return decimal as? Value
        }
        if type == StringSet.self {
            guard case .ss(let strings) = value else { throw mismatch("SS") }
            return StringSet(Set(strings)) as? Value
        }
        if type == NumberSet.self {
            guard case .ns(let numbers) = value else { throw mismatch("NS") }
            return NumberSet(Set(numbers)) as? Value
        }
        if type == BinarySet.self {
            guard case .bs(let blobs) = value else { throw mismatch("BS") }
            return BinarySet(Set(blobs)) as? Value
        }
        return nil
    }

    private func date(_ value: AttributeValue, codingPath: [any CodingKey]) throws -> Date {
        switch value {
        case .s(let text):
            guard let date = UTCDateTimeText.parse(text) else {
                throw AttributeValueCodingError.typeMismatch(path: .init(codingPath), expected: "ISO 8601 date", found: "S")
            }
            return date
        case .n(let number):
            guard let amount = number.doubleValue else { throw AttributeValueCodingError.invalidNumber(path: .init(codingPath)) }
            return Date(timeIntervalSince1970: dateDecodingStrategy == .epochMilliseconds ? amount / 1_000 : amount)
        default:
            throw AttributeValueCodingError.typeMismatch(path: .init(codingPath), expected: "S or N date", found: value.typeName)
        }
    }
}
