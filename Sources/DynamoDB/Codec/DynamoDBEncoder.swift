import FoundationEssentials

/// Encodes `Encodable` values as DynamoDB items.
///
/// Mapping rules:
/// - `String` → `S`; `Bool` → `BOOL`; integers, `Double`, `Float`,
///   `Decimal` and ``DynamoDBNumber`` → `N` (NaN and infinity are errors).
/// - `Data` → `B`; arrays → `L`; structs and `[String: T]` → `M`.
/// - Sets only through ``StringSet``, ``NumberSet`` and ``BinarySet``
///   (`SS`, `NS`, `BS`); an empty set is an error.
/// - `Date` → by ``dateEncodingStrategy`` (default: ISO 8601 text in UTC
///   with milliseconds, `S`, which sorts correctly as a sort key).
/// - `nil` optionals are omitted (synthesized `Codable` uses
///   `encodeIfPresent`); an explicit `encodeNil` writes `NULL`.
/// - ``AttributeValue`` passes through unchanged.
package struct DynamoDBEncoder: Sendable {
    package enum DateEncodingStrategy: Sendable, Equatable {
        /// `S`: `2026-01-31T12:00:00.000Z`.
        case iso8601
        /// `N`: whole seconds since 1970 (what DynamoDB TTL expects), truncated.
        case epochSeconds
        /// `N`: milliseconds since 1970, rounded.
        case epochMilliseconds
    }

    package var dateEncodingStrategy: DateEncodingStrategy

    package init(dateEncodingStrategy: DateEncodingStrategy = .iso8601) {
        self.dateEncodingStrategy = dateEncodingStrategy
    }

    /// Encodes `value` as an item; it must encode as a map.
    package func encode<Value: Encodable>(_ value: Value) throws(AttributeValueCodingError) -> DynamoDBItem {
        let attribute = try encodeAttribute(value)
        guard case .m(let item) = attribute else { throw .notAnItem(found: attribute.typeName) }
        return item
    }

    /// Encodes `value` as a single attribute value of any type.
    package func encodeAttribute<Value: Encodable>(_ value: Value) throws(AttributeValueCodingError) -> AttributeValue {
        do {
            return try box(value, codingPath: []).resolve()
        } catch {
            throw AttributeValueCodingError.wrapping(error)
        }
    }

    /// `value` as a slot: directly when it has a fixed DynamoDB form, else
    /// through its own `encode(to:)`.
    func box<Value: Encodable>(_ value: Value, codingPath: [any CodingKey]) throws -> EncodedSlot {
        if let direct = try directValue(value, codingPath: codingPath) { return .value(direct) }
        let encoder = AttributeEncoding(options: self, codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.slot ?? .value(.m([:]))
    }

    private func directValue<Value: Encodable>(_ value: Value, codingPath: [any CodingKey]) throws -> AttributeValue? {
        switch value {
        case let attribute as AttributeValue: return attribute
        case let text as String: return .s(text)
        case let flag as Bool: return .bool(flag)
        case let number as DynamoDBNumber: return .n(number)
        case let data as Data: return .b(data)
        case let date as Date: return encode(date)
        case let decimal as Decimal:
            guard let number = DynamoDBNumber(decimal) else { throw AttributeValueCodingError.nonFiniteNumber(path: .init(codingPath)) }
            return .n(number)
        case let double as Double: return try number(double, codingPath: codingPath)
        case let float as Float: return try number(Double(float), codingPath: codingPath)
        case let set as StringSet:
            guard !set.values.isEmpty else { throw AttributeValueCodingError.emptySet(path: .init(codingPath)) }
            return .ss(set.sortedValues)
        case let set as NumberSet:
            guard !set.values.isEmpty else { throw AttributeValueCodingError.emptySet(path: .init(codingPath)) }
            return .ns(set.sortedValues)
        case let set as BinarySet:
            guard !set.values.isEmpty else { throw AttributeValueCodingError.emptySet(path: .init(codingPath)) }
            return .bs(set.sortedValues)
        default: return integer(value)
        }
    }

    private func integer<Value>(_ value: Value) -> AttributeValue? {
        switch value {
        case let number as Int: .number(number)
        case let number as Int8: .number(number)
        case let number as Int16: .number(number)
        case let number as Int32: .number(number)
        case let number as Int64: .number(number)
        case let number as UInt: .number(number)
        case let number as UInt8: .number(number)
        case let number as UInt16: .number(number)
        case let number as UInt32: .number(number)
        case let number as UInt64: .number(number)
        default: nil
        }
    }

    func number(_ value: Double, codingPath: [any CodingKey]) throws -> AttributeValue {
        guard let number = DynamoDBNumber(value) else { throw AttributeValueCodingError.nonFiniteNumber(path: .init(codingPath)) }
        return .n(number)
    }

    func encode(_ date: Date) -> AttributeValue {
        let seconds = date.timeIntervalSince1970
        switch dateEncodingStrategy {
        case .iso8601:
            return .s(UTCDateTimeText.iso8601(epochMilliseconds: Int64((seconds * 1_000).rounded())))
        case .epochSeconds:
            return .number(Int64(seconds.rounded(.down)))
        case .epochMilliseconds:
            return .number(Int64((seconds * 1_000).rounded()))
        }
    }
}

extension String {
    /// The attribute path of a coding path, for error messages.
    init(_ codingPath: [any CodingKey]) {
        self = AttributeValueCodingError.path(codingPath)
    }
}
