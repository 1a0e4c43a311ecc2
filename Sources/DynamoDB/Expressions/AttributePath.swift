/// A path to an attribute: a top-level name, map members and list
/// indexes. Names are never parsed: `"a.b"` is one attribute called `a.b`;
/// write `AttributePath("a").member("b")` for the nested one.
package struct AttributePath: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    package enum Element: Sendable, Hashable {
        case name(String)
        case index(Int)
    }

    package var elements: [Element]

    package init(_ name: String) { elements = [.name(name)] }
    package init(stringLiteral value: String) { self.init(value) }

    /// The map member `name` of this attribute.
    package func member(_ name: String) -> AttributePath {
        var path = self
        path.elements.append(.name(name))
        return path
    }

    /// The list element at `index` of this attribute.
    package func element(_ index: Int) -> AttributePath {
        var path = self
        path.elements.append(.index(index))
        return path
    }

    package var description: String {
        elements.reduce(into: "") { text, element in
            switch element {
            case .name(let name): text += text.isEmpty ? name : ".\(name)"
            case .index(let index): text += "[\(index)]"
            }
        }
    }
}
