import DynamoDB

/// Typed reads of one stored item's attributes. Errors name the attribute
/// (`outcomes[1]`), never the value; `NULL` reads as absent.
struct ItemReader {
    let item: DynamoDBItem

    init(_ item: DynamoDBItem) { self.item = item }

    func string(_ name: String) throws(ItemError) -> String { try Self.string(try required(name), at: name) }

    func optionalString(_ name: String) throws(ItemError) -> String? {
        guard let value = optional(name) else { return nil }
        return try Self.string(value, at: name)
    }

    /// A string holding one of `Value`'s raw values (a status, a phase …).
    func string<Value: RawRepresentable<String>>(_ name: String, as type: Value.Type) throws(ItemError) -> Value {
        guard let value = Value(rawValue: try string(name)) else { throw .invalidValue(attribute: name) }
        return value
    }

    func optionalString<Value: RawRepresentable<String>>(_ name: String, as type: Value.Type) throws(ItemError) -> Value? {
        guard optional(name) != nil else { return nil }
        return try string(name, as: type)
    }

    /// A number that is an integer fitting `Value` (`2.0` and `1E+2` count).
    func integer<Value: FixedWidthInteger>(_ name: String) throws(ItemError) -> Value { try Self.integer(try required(name), at: name) }

    func optionalInteger<Value: FixedWidthInteger>(_ name: String) throws(ItemError) -> Value? {
        guard let value = optional(name) else { return nil }
        return try Self.integer(value, at: name)
    }

    func double(_ name: String) throws(ItemError) -> Double {
        let value = try required(name)
        guard case .n(let number) = value else { throw .wrongType(attribute: name, expected: "N", found: value.typeName) }
        guard let double = number.doubleValue else { throw .invalidValue(attribute: name) }
        return double
    }

    func optionalBool(_ name: String) throws(ItemError) -> Bool? {
        guard let value = optional(name) else { return nil }
        guard case .bool(let flag) = value else { throw .wrongType(attribute: name, expected: "BOOL", found: value.typeName) }
        return flag
    }

    /// A list of strings.
    func strings(_ name: String) throws(ItemError) -> [String] { try Self.strings(try required(name), at: name) }

    func optionalStrings(_ name: String) throws(ItemError) -> [String]? {
        guard let value = optional(name) else { return nil }
        return try Self.strings(value, at: name)
    }

    /// A list of integers.
    func integers<Value: FixedWidthInteger>(_ name: String) throws(ItemError) -> [Value] {
        var values: [Value] = []
        for (index, element) in try Self.list(try required(name), at: name).enumerated() {
            values.append(try Self.integer(element, at: "\(name)[\(index)]"))
        }
        return values
    }

    private func required(_ name: String) throws(ItemError) -> AttributeValue {
        guard let value = optional(name) else { throw .missingAttribute(name) }
        return value
    }

    private func optional(_ name: String) -> AttributeValue? {
        guard let value = item[name], value != .null else { return nil }
        return value
    }

    private static func string(_ value: AttributeValue, at path: String) throws(ItemError) -> String {
        guard case .s(let text) = value else { throw .wrongType(attribute: path, expected: "S", found: value.typeName) }
        return text
    }

    private static func integer<Value: FixedWidthInteger>(_ value: AttributeValue, at path: String) throws(ItemError) -> Value {
        guard case .n(let number) = value else { throw .wrongType(attribute: path, expected: "N", found: value.typeName) }
        guard let integer = number.integer(as: Value.self) else { throw .invalidValue(attribute: path) }
        return integer
    }

    private static func list(_ value: AttributeValue, at path: String) throws(ItemError) -> [AttributeValue] {
        guard case .l(let elements) = value else { throw .wrongType(attribute: path, expected: "L", found: value.typeName) }
        return elements
    }

    private static func strings(_ value: AttributeValue, at path: String) throws(ItemError) -> [String] {
        var values: [String] = []
        for (index, element) in try list(value, at: path).enumerated() {
            values.append(try string(element, at: "\(path)[\(index)]"))
        }
        return values
    }
}
