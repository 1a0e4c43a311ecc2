/// A condition or filter expression, built from typed parts.
package indirect enum Condition: Sendable {
    case compare(AttributePath, ComparisonOperator, Operand)
    case between(AttributePath, lower: Operand, upper: Operand)
    case isIn(AttributePath, [Operand])
    case attributeExists(AttributePath)
    case attributeNotExists(AttributePath)
    case attributeType(AttributePath, AttributeType)
    case beginsWith(AttributePath, AttributeValue)
    case contains(AttributePath, Operand)
    /// `size(path) <op> operand`.
    case size(AttributePath, ComparisonOperator, Operand)
    case and([Condition])
    case or([Condition])
    case not(Condition)

    /// The right-hand side of a comparison: a value or another attribute.
    package enum Operand: Sendable {
        case value(AttributeValue)
        case path(AttributePath)
    }

    package enum ComparisonOperator: String, Sendable {
        case equal = "="
        case notEqual = "<>"
        case lessThan = "<"
        case lessThanOrEqual = "<="
        case greaterThan = ">"
        case greaterThanOrEqual = ">="
    }

    package enum AttributeType: String, Sendable {
        case string = "S", number = "N", binary = "B", bool = "BOOL", null = "NULL"
        case map = "M", list = "L", stringSet = "SS", numberSet = "NS", binarySet = "BS"
    }

    /// `path = value`: the optimistic-lock check (`version = :expected`).
    package static func equals(_ path: AttributePath, _ value: AttributeValue) -> Condition {
        .compare(path, .equal, .value(value))
    }

    /// Renders the expression, allocating placeholders in `attributes`.
    package func render(into attributes: inout ExpressionAttributes) -> String {
        switch self {
        case .compare(let path, let comparison, let operand):
            return "\(attributes.placeholder(for: path)) \(comparison.rawValue) \(operand.render(into: &attributes))"
        case .between(let path, let lower, let upper):
            let name = attributes.placeholder(for: path)
            return "\(name) BETWEEN \(lower.render(into: &attributes)) AND \(upper.render(into: &attributes))"
        case .isIn(let path, let operands):
            let name = attributes.placeholder(for: path)
            var rendered: [String] = []
            for operand in operands { rendered.append(operand.render(into: &attributes)) }
            return "\(name) IN (\(rendered.joined(separator: ", ")))"
        case .attributeExists(let path):
            return "attribute_exists(\(attributes.placeholder(for: path)))"
        case .attributeNotExists(let path):
            return "attribute_not_exists(\(attributes.placeholder(for: path)))"
        case .attributeType(let path, let type):
            let name = attributes.placeholder(for: path)
            return "attribute_type(\(name), \(attributes.placeholder(for: .s(type.rawValue))))"
        case .beginsWith(let path, let prefix):
            let name = attributes.placeholder(for: path)
            return "begins_with(\(name), \(attributes.placeholder(for: prefix)))"
        case .contains(let path, let operand):
            let name = attributes.placeholder(for: path)
            return "contains(\(name), \(operand.render(into: &attributes)))"
        case .size(let path, let comparison, let operand):
            let name = attributes.placeholder(for: path)
            return "size(\(name)) \(comparison.rawValue) \(operand.render(into: &attributes))"
        case .and(let conditions):
            return Self.join(conditions, with: "AND", into: &attributes)
        case .or(let conditions):
            return Self.join(conditions, with: "OR", into: &attributes)
        case .not(let condition):
            return "NOT (\(condition.render(into: &attributes)))"
        }
    }

    private static func join(_ conditions: [Condition], with keyword: String, into attributes: inout ExpressionAttributes) -> String {
        var parts: [String] = []
        for condition in conditions { parts.append("(\(condition.render(into: &attributes)))") }
        return parts.joined(separator: " \(keyword) ")
    }
}

extension Condition.Operand {
    func render(into attributes: inout ExpressionAttributes) -> String {
        switch self {
        case .value(let value): attributes.placeholder(for: value)
        case .path(let path): attributes.placeholder(for: path)
        }
    }
}
