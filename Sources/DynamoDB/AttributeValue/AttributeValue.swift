/// One DynamoDB attribute value, in the types this service stores:
/// strings, numbers, booleans, lists and maps (and `NULL`, which it never
/// writes but reads as absent).
///
/// Its `Codable` form is DynamoDB's JSON (`{"S": "text"}`, `{"N": "42"}` …).
/// Binary values and sets are not supported: an answer holding one is an
/// unreadable response.
package indirect enum AttributeValue: Sendable, Hashable {
    case s(String)
    /// A number, kept as the decimal text DynamoDB sends: no precision lost.
    case n(DynamoDBNumber)
    case bool(Bool)
    case null
    case m([String: AttributeValue])
    case l([AttributeValue])

    /// The DynamoDB type descriptor (`S`, `N`, `M` …).
    package var typeName: String {
        switch self {
        case .s: "S"
        case .n: "N"
        case .bool: "BOOL"
        case .null: "NULL"
        case .m: "M"
        case .l: "L"
        }
    }
}

/// An item, or a key: attribute names to values.
package typealias DynamoDBItem = [String: AttributeValue]

extension AttributeValue: Codable {
    enum CodingKeys: String, CodingKey {
        case s = "S"
        case n = "N"
        case bool = "BOOL"
        case null = "NULL"
        case m = "M"
        case l = "L"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "an AttributeValue has exactly one supported type key, found \(container.allKeys.map(\.stringValue))"
            ))
        }
        switch key {
        case .s: self = .s(try container.decode(String.self, forKey: .s))
        case .n: self = .n(try container.decode(DynamoDBNumber.self, forKey: .n))
        case .bool: self = .bool(try container.decode(Bool.self, forKey: .bool))
        case .null: self = .null
        case .m: self = .m(try container.decode([String: AttributeValue].self, forKey: .m))
        case .l: self = .l(try container.decode([AttributeValue].self, forKey: .l))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .s(let text): try container.encode(text, forKey: .s)
        case .n(let number): try container.encode(number, forKey: .n)
        case .bool(let flag): try container.encode(flag, forKey: .bool)
        case .null: try container.encode(true, forKey: .null)
        case .m(let map): try container.encode(map, forKey: .m)
        case .l(let list): try container.encode(list, forKey: .l)
        }
    }
}
