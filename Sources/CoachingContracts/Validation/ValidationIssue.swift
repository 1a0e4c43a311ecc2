/// One problem found while validating input, shaped like a Pydantic error:
/// `{"loc": ["business_context", "goals", 0, "title"], "msg": "Field required", "type": "missing"}`.
public struct ValidationIssue: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is, from the root of the document.
    public var loc: [PathComponent]
    /// A human-readable explanation.
    public var msg: String
    /// A stable machine-readable kind (`missing`, `string_too_long`, ...).
    public var type: String

    public init(loc: [PathComponent], msg: String, type: String) {
        self.loc = loc
        self.msg = msg
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case loc, msg, type
    }

    public var description: String {
        "\(loc.map(\.description).joined(separator: ".")): \(msg) [\(type)]"
    }
}

/// A step in a ``ValidationIssue`` location: an object key or an array index.
public enum PathComponent: Codable, Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    CustomStringConvertible {
    case key(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let index = try? container.decode(Int.self) {
            self = .index(index)
        } else {
            self = .key(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .key(let key): try container.encode(key)
        case .index(let index): try container.encode(index)
        }
    }

    public var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): String(index)
        }
    }
}
