/// A condition or filter expression over top-level attributes: what the
/// store's writes (`attribute_not_exists(pk)`, `version = :expected`) and
/// listing filters (`ttl > :now AND (status = :a OR status = :b)`) need.
package indirect enum Condition: Sendable {
    case compare(String, ComparisonOperator, Operand)
    case attributeNotExists(String)
    case and([Condition])
    /// Any of the conditions: a listing of several statuses.
    case or([Condition])

    /// The right-hand side of a comparison.
    package enum Operand: Sendable {
        case value(AttributeValue)
    }

    package enum ComparisonOperator: String, Sendable {
        case equal = "="
        case greaterThan = ">"
    }

    /// `name = value`: the optimistic-lock check (`version = :expected`).
    package static func equals(_ name: String, _ value: AttributeValue) -> Condition {
        .compare(name, .equal, .value(value))
    }

    /// Renders the expression, allocating placeholders in `attributes`.
    package func render(into attributes: inout ExpressionAttributes) -> String {
        switch self {
        case .compare(let name, let comparison, .value(let value)):
            let placeholder = attributes.placeholder(forName: name)
            return "\(placeholder) \(comparison.rawValue) \(attributes.placeholder(for: value))"
        case .attributeNotExists(let name):
            return "attribute_not_exists(\(attributes.placeholder(forName: name)))"
        case .and(let conditions):
            var parts: [String] = []
            for condition in conditions { parts.append("(\(condition.render(into: &attributes)))") }
            return parts.joined(separator: " AND ")
        case .or(let conditions):
            // DynamoDB refuses redundant parentheses: one alternative is just that condition.
            if conditions.count == 1 { return conditions[0].render(into: &attributes) }
            var parts: [String] = []
            for condition in conditions { parts.append("(\(condition.render(into: &attributes)))") }
            return parts.joined(separator: " OR ")
        }
    }
}
