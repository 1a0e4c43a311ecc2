/// Where an encoded value lives while encoding is under way. Containers
/// hold references, so a container taken early can still be filled later.
enum EncodedSlot {
    case value(AttributeValue)
    case map(EncodedMap)
    case list(EncodedList)
    /// A `superEncoder`, resolved when the whole value is.
    case deferred(AttributeEncoding)

    func resolve() throws -> AttributeValue {
        switch self {
        case .value(let value): return value
        case .map(let map): return .m(try map.entries.mapValues { try $0.resolve() })
        case .list(let list): return .l(try list.elements.map { try $0.resolve() })
        case .deferred(let encoder): return try encoder.slot?.resolve() ?? .m([:])
        }
    }
}

final class EncodedMap {
    var entries: [String: EncodedSlot] = [:]
}

final class EncodedList {
    var elements: [EncodedSlot] = []
}

/// A coding key for list positions and `super`.
struct PathKey: CodingKey {
    let intValue: Int?
    let stringValue: String

    init(index: Int) {
        intValue = index
        stringValue = String(index)
    }

    init(name: String) {
        intValue = nil
        stringValue = name
    }

    init?(stringValue: String) { self.init(name: stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}

/// The `Encoder` handed to `encode(to:)`; it is also its own single-value container.
final class AttributeEncoding: Encoder, SingleValueEncodingContainer {
    let options: DynamoDBEncoder
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var slot: EncodedSlot?

    init(options: DynamoDBEncoder, codingPath: [any CodingKey]) {
        self.options = options
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let map: EncodedMap
        if case .map(let existing) = slot {
            map = existing
        } else {
            map = EncodedMap()
            slot = .map(map)
        }
        return KeyedEncodingContainer(ItemKeyedEncodingContainer<Key>(options: options, map: map, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let list: EncodedList
        if case .list(let existing) = slot {
            list = existing
        } else {
            list = EncodedList()
            slot = .list(list)
        }
        return ItemUnkeyedEncodingContainer(options: options, list: list, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { slot = .value(.null) }
    func encode<Value: Encodable>(_ value: Value) throws { slot = try options.box(value, codingPath: codingPath) }
    func encode(_ value: Bool) throws { slot = .value(.bool(value)) }
    func encode(_ value: String) throws { slot = .value(.s(value)) }
    func encode(_ value: Double) throws { slot = .value(try options.number(value, codingPath: codingPath)) }
    func encode(_ value: Float) throws { slot = .value(try options.number(Double(value), codingPath: codingPath)) }
    func encode(_ value: Int) throws { slot = .value(.number(value)) }
    func encode(_ value: Int8) throws { slot = .value(.number(value)) }
    func encode(_ value: Int16) throws { slot = .value(.number(value)) }
    func encode(_ value: Int32) throws { slot = .value(.number(value)) }
    func encode(_ value: Int64) throws { slot = .value(.number(value)) }
    func encode(_ value: UInt) throws { slot = .value(.number(value)) }
    func encode(_ value: UInt8) throws { slot = .value(.number(value)) }
    func encode(_ value: UInt16) throws { slot = .value(.number(value)) }
    func encode(_ value: UInt32) throws { slot = .value(.number(value)) }
    func encode(_ value: UInt64) throws { slot = .value(.number(value)) }
}
