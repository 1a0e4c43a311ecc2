struct ItemKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let options: DynamoDBEncoder
    let map: EncodedMap
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { map.entries[key.stringValue] = .value(.null) }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        map.entries[key.stringValue] = try options.box(value, codingPath: codingPath + [key])
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws { try encode(AttributeValue.bool(value), forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try encode(AttributeValue.s(value), forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try encode(try options.number(value, codingPath: codingPath + [key]), forKey: key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try encode(try options.number(Double(value), codingPath: codingPath + [key]), forKey: key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { try encode(AttributeValue.number(value), forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encode(AttributeValue.number(value), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encode(AttributeValue.number(value), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encode(AttributeValue.number(value), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encode(AttributeValue.number(value), forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encode(AttributeValue.number(value), forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encode(AttributeValue.number(value), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encode(AttributeValue.number(value), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encode(AttributeValue.number(value), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encode(AttributeValue.number(value), forKey: key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = EncodedMap()
        map.entries[key.stringValue] = .map(nested)
        return KeyedEncodingContainer(ItemKeyedEncodingContainer<NestedKey>(options: options, map: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = EncodedList()
        map.entries[key.stringValue] = .list(nested)
        return ItemUnkeyedEncodingContainer(options: options, list: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(for: PathKey(name: "super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(for: key)
    }

    private func superEncoder(for key: any CodingKey) -> any Encoder {
        let encoder = AttributeEncoding(options: options, codingPath: codingPath + [key])
        map.entries[key.stringValue] = .deferred(encoder)
        return encoder
    }
}

struct ItemUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let options: DynamoDBEncoder
    let list: EncodedList
    let codingPath: [any CodingKey]

    var count: Int { list.elements.count }
    private var nextPath: [any CodingKey] { codingPath + [PathKey(index: count)] }

    mutating func encodeNil() throws { list.elements.append(.value(.null)) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        list.elements.append(try options.box(value, codingPath: nextPath))
    }

    mutating func encode(_ value: Bool) throws { list.elements.append(.value(.bool(value))) }
    mutating func encode(_ value: String) throws { list.elements.append(.value(.s(value))) }
    mutating func encode(_ value: Double) throws { list.elements.append(.value(try options.number(value, codingPath: nextPath))) }
    mutating func encode(_ value: Float) throws { list.elements.append(.value(try options.number(Double(value), codingPath: nextPath))) }
    mutating func encode(_ value: Int) throws { list.elements.append(.value(.number(value))) }
    mutating func encode(_ value: Int8) throws { list.elements.append(.value(.number(value))) }
    mutating func encode(_ value: Int16) throws { list.elements.append(.value(.number(value))) }
    mutating func encode(_ value: Int32) throws { list.elements.append(.value(.number(value))) }
    mutating func encode(_ value: Int64) throws { list.elements.append(.value(.number(value))) }
    mutating func encode(_ value: UInt) throws { list.elements.append(.value(.number(value))) }
    mutating func encode(_ value: UInt8) throws { list.elements.append(.value(.number(value))) }
    mutating func encode(_ value: UInt16) throws { list.elements.append(.value(.number(value))) }
    mutating func encode(_ value: UInt32) throws { list.elements.append(.value(.number(value))) }
    mutating func encode(_ value: UInt64) throws { list.elements.append(.value(.number(value))) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = EncodedMap()
        let path = nextPath
        list.elements.append(.map(nested))
        return KeyedEncodingContainer(ItemKeyedEncodingContainer<NestedKey>(options: options, map: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = EncodedList()
        let path = nextPath
        list.elements.append(.list(nested))
        return ItemUnkeyedEncodingContainer(options: options, list: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = AttributeEncoding(options: options, codingPath: nextPath)
        list.elements.append(.deferred(encoder))
        return encoder
    }
}
