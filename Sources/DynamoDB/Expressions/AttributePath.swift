/// A path to an attribute: a top-level name, map members and list
/// indexes. Names are never parsed: `"a.b"` is one attribute called `a.b`;
/// write `AttributePath("a").member("b")` for the nested one.
public struct AttributePath: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public enum Element: Sendable, Hashable {
        case name(String)
        case index(Int)
    }

    public var elements: [Element]

    public init(_ name: String) { elements = [.name(name)] }
    public init(stringLiteral value: String) { self.init(value) }

    /// The map member `name` of this attribute.
    public func member(_ name: String) -> AttributePath {
        var path = self
        path.elements.append(.name(name))
        return path
    }

    /// The list element at `index` of this attribute.
    public func element(_ index: Int) -> AttributePath {
        var path = self
        path.elements.append(.index(index))
        return path
    }

    public var description: String {
        elements.reduce(into: "") { text, element in
            switch element {
            case .name(let name): text += text.isEmpty ? name : ".\(name)"
            case .index(let index): text += "[\(index)]"
            }
        }
    }
}
