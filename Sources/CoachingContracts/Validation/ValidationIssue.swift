/// One problem found while validating input, shaped like a Pydantic error:
/// `{"loc": ["business_context", "goals", 0, "title"], "msg": "Field required", "type": "missing"}`.
package struct ValidationIssue: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is, from the root of the document.
    package var loc: [PathComponent]
    /// A human-readable explanation.
    package var msg: String
    /// A stable machine-readable kind (`missing`, `string_too_long`, ...).
    package var type: String

    package init(loc: [PathComponent], msg: String, type: String) {
        self.loc = loc
        self.msg = msg
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case loc, msg, type
    }

    package var description: String {
        "\(loc.map(\.description).joined(separator: ".")): \(msg) [\(type)]"
    }
}

/// A step in a ``ValidationIssue`` location: an object key or an array index.
package enum PathComponent: Codable, Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    CustomStringConvertible {
    case key(String)
    case index(Int)

    package init(stringLiteral value: String) { self = .key(value) }
    package init(integerLiteral value: Int) { self = .index(value) }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let index = try? container.decode(Int.self) {
            self = .index(index)
        } else {
            self = .key(try container.decode(String.self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .key(let key): try container.encode(key)
        case .index(let index): try container.encode(index)
        }
    }

    package var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): String(index)
        }
    }
}
