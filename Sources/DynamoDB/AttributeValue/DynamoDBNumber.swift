/// A DynamoDB number as its decimal text, so values round-trip exactly
/// (DynamoDB keeps 38 significant digits; `Double` keeps about 16).
///
/// Equality is textual: `1` and `1.0` are different values here, while
/// DynamoDB compares them numerically.
package struct DynamoDBNumber: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The decimal text, as sent on the wire.
    package let text: String

    /// Accepts `[+-]digits[.digits][e[+-]digits]` (at least one digit);
    /// `nil` for anything else.
    package init?(_ text: String) {
        guard Self.isValid(text) else { return nil }
        self.text = text
    }

    package init<Value: BinaryInteger>(_ value: Value) {
        text = String(value)
    }

    /// `nil` for NaN and infinities, which DynamoDB cannot store.
    package init?(_ value: Double) {
        guard value.isFinite else { return nil }
        text = Self.integralText(value) ?? value.description
    }

    package init(integerLiteral value: Int) { self.init(value) }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let number = DynamoDBNumber(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a DynamoDB number")
        }
        self = number
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    package var description: String { text }

    /// The value as an integer of type `Value`, when it is one exactly.
    /// Plain digits convert at any size the type holds; forms such as
    /// `2.0` or `1E+2` convert when exact within a `Double` (below 2^53).
    package func integer<Value: FixedWidthInteger>(as type: Value.Type = Value.self) -> Value? {
        if let exact = Value(text, radix: 10) { return exact }
        guard let double = Double(text), double == double.rounded(), abs(double) < 9_007_199_254_740_992 else { return nil }
        return Value(exactly: double)
    }

    package var doubleValue: Double? { Double(text) }

    /// `1.0e20` prints as `1e+20` and `3.0` as `3.0`; integral doubles
    /// within Int64 print as plain integers instead.
    private static func integralText(_ value: Double) -> String? {
        guard value == value.rounded(), abs(value) < 9.0e15 else { return nil }
        return String(Int64(value))
    }

    static func isValid(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            var count = 0
            while let byte = bytes.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                bytes = bytes.dropFirst()
                count += 1
            }
            return count
        }
        var mantissaDigits = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissaDigits += digits()
        }
        guard mantissaDigits > 0 else { return false }
        if let byte = bytes.first, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
