/// An update expression: `SET`, `REMOVE`, `ADD` and `DELETE` actions.
package struct UpdateExpression: Sendable {
    package enum Action: Sendable {
        case set(AttributePath, UpdateValue)
        case remove(AttributePath)
        /// Adds to a number or adds elements to a set.
        case add(AttributePath, AttributeValue)
        /// Removes elements from a set.
        case delete(AttributePath, AttributeValue)
    }

    package var actions: [Action]

    package init(_ actions: [Action]) { self.actions = actions }

    /// Renders `SET … REMOVE … ADD … DELETE …`, clauses in that order.
    package func render(into attributes: inout ExpressionAttributes) -> String {
        var sets: [String] = [], removes: [String] = [], adds: [String] = [], deletes: [String] = []
        for action in actions {
            switch action {
            case .set(let path, let value):
                let name = attributes.placeholder(for: path)
                sets.append("\(name) = \(value.render(into: &attributes))")
            case .remove(let path):
                removes.append(attributes.placeholder(for: path))
            case .add(let path, let value):
                let name = attributes.placeholder(for: path)
                adds.append("\(name) \(attributes.placeholder(for: value))")
            case .delete(let path, let value):
                let name = attributes.placeholder(for: path)
                deletes.append("\(name) \(attributes.placeholder(for: value))")
            }
        }
        return [("SET", sets), ("REMOVE", removes), ("ADD", adds), ("DELETE", deletes)]
            .filter { !$0.1.isEmpty }
            .map { "\($0.0) \($0.1.joined(separator: ", "))" }
            .joined(separator: " ")
    }
}

/// The right-hand side of a `SET` action.
package indirect enum UpdateValue: Sendable {
    case value(AttributeValue)
    case path(AttributePath)
    /// `if_not_exists(path, fallback)`.
    case ifNotExists(AttributePath, UpdateValue)
    /// `list_append(first, second)`.
    case listAppend(UpdateValue, UpdateValue)
    case plus(UpdateValue, UpdateValue)
    case minus(UpdateValue, UpdateValue)

    /// `path + amount`: counters and the optimistic-lock `version + 1`.
    package static func increment(_ path: AttributePath, by amount: AttributeValue) -> UpdateValue {
        .plus(.path(path), .value(amount))
    }

    func render(into attributes: inout ExpressionAttributes) -> String {
        switch self {
        case .value(let value):
            return attributes.placeholder(for: value)
        case .path(let path):
            return attributes.placeholder(for: path)
        case .ifNotExists(let path, let fallback):
            let name = attributes.placeholder(for: path)
            return "if_not_exists(\(name), \(fallback.render(into: &attributes)))"
        case .listAppend(let first, let second):
            let lhs = first.render(into: &attributes)
            return "list_append(\(lhs), \(second.render(into: &attributes)))"
        case .plus(let lhs, let rhs):
            let left = lhs.render(into: &attributes)
            return "\(left) + \(rhs.render(into: &attributes))"
        case .minus(let lhs, let rhs):
            let left = lhs.render(into: &attributes)
            return "\(left) - \(rhs.render(into: &attributes))"
        }
    }
}
