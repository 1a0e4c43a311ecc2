import FoundationEssentials

/// One DynamoDB attribute value, in exactly one of the service's types.
///
/// Its `Codable` form is DynamoDB's JSON (`{"S": "text"}`, `{"N": "42"}` …).
/// To map your own `Codable` types to items, use ``DynamoDBEncoder`` and
/// ``DynamoDBDecoder``.
package indirect enum AttributeValue: Sendable, Hashable {
    case s(String)
    /// A number, kept as the decimal text DynamoDB sends: no precision lost.
    case n(DynamoDBNumber)
    case b(Data)
    case bool(Bool)
    case null
    case m([String: AttributeValue])
    case l([AttributeValue])
    /// A non-empty set of distinct strings.
    case ss([String])
    /// A non-empty set of distinct numbers.
    case ns([DynamoDBNumber])
    /// A non-empty set of distinct binary values.
    case bs([Data])

    /// The DynamoDB type descriptor (`S`, `N`, `M` …).
    var typeName: String {
        switch self {
        case .s: "S"
        case .n: "N"
        case .b: "B"
        case .bool: "BOOL"
        case .null: "NULL"
        case .m: "M"
        case .l: "L"
        case .ss: "SS"
        case .ns: "NS"
        case .bs: "BS"
        }
    }
}

/// An item, or a key: attribute names to values.
package typealias DynamoDBItem = [String: AttributeValue]

extension AttributeValue: Codable {
    enum CodingKeys: String, CodingKey {
        case s = "S"
        case n = "N"
        case b = "B"
        case bool = "BOOL"
        case null = "NULL"
        case m = "M"
        case l = "L"
        case ss = "SS"
        case ns = "NS"
        case bs = "BS"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "an AttributeValue has exactly one type key, found \(container.allKeys.map(\.stringValue))"
            ))
        }
        switch key {
        case .s: self = .s(try container.decode(String.self, forKey: .s))
        case .n: self = .n(try container.decode(DynamoDBNumber.self, forKey: .n))
        case .b: self = .b(try Self.decodeBase64(try container.decode(String.self, forKey: .b), container: container, key: .b))
        case .bool: self = .bool(try container.decode(Bool.self, forKey: .bool))
        case .null: self = .null
        case .m: self = .m(try container.decode([String: AttributeValue].self, forKey: .m))
        case .l: self = .l(try container.decode([AttributeValue].self, forKey: .l))
        case .ss: self = .ss(try container.decode([String].self, forKey: .ss))
        case .ns: self = .ns(try container.decode([DynamoDBNumber].self, forKey: .ns))
        case .bs:
            self = .bs(try container.decode([String].self, forKey: .bs).map { try Self.decodeBase64($0, container: container, key: .bs) })
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .s(let text): try container.encode(text, forKey: .s)
        case .n(let number): try container.encode(number, forKey: .n)
        case .b(let data): try container.encode(data.base64EncodedString(), forKey: .b)
        case .bool(let flag): try container.encode(flag, forKey: .bool)
        case .null: try container.encode(true, forKey: .null)
        case .m(let map): try container.encode(map, forKey: .m)
        case .l(let list): try container.encode(list, forKey: .l)
        case .ss(let strings): try container.encode(strings, forKey: .ss)
        case .ns(let numbers): try container.encode(numbers, forKey: .ns)
        case .bs(let blobs): try container.encode(blobs.map { $0.base64EncodedString() }, forKey: .bs)
        }
    }

    private static func decodeBase64(_ text: String, container: KeyedDecodingContainer<CodingKeys>, key: CodingKeys) throws -> Data {
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "binary value is not base64")
        }
        return data
    }
}
