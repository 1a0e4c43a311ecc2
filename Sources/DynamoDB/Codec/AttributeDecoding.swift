/// The `Decoder` handed to `init(from:)`; it is also its own single-value container.
final class AttributeDecoding: Decoder, SingleValueDecodingContainer {
    let value: AttributeValue
    let options: DynamoDBDecoder
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: AttributeValue, options: DynamoDBDecoder, codingPath: [any CodingKey]) {
        self.value = value
        self.options = options
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .m(let map) = value else { throw mismatch("M") }
        return KeyedDecodingContainer(ItemKeyedDecodingContainer<Key>(map: map, options: options, codingPath: codingPath))
    }

    /// Lists, and sets read as lists (a `[String]` property can read an `SS`).
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let elements: [AttributeValue]
        switch value {
        case .l(let list): elements = list
        case .ss(let strings): elements = strings.map(AttributeValue.s)
        case .ns(let numbers): elements = numbers.map(AttributeValue.n)
        case .bs(let blobs): elements = blobs.map(AttributeValue.b)
        default: throw mismatch("L")
        }
        return ItemUnkeyedDecodingContainer(elements: elements, options: options, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch("BOOL") }
        return flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .s(let text) = value else { throw mismatch("S") }
        return text
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard case .n(let number) = value, let double = number.doubleValue else { throw mismatch("N") }
        return double
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try integer() }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try options.unbox(value, as: type, codingPath: codingPath)
    }

    private func integer<Value: FixedWidthInteger>() throws -> Value {
        guard case .n(let number) = value else { throw mismatch("N") }
        guard let integer = number.integer(as: Value.self) else { throw mismatch("N fitting \(Value.self)") }
        return integer
    }

    private func mismatch(_ expected: String) -> AttributeValueCodingError {
        .typeMismatch(path: .init(codingPath), expected: expected, found: value.typeName)
    }
}
