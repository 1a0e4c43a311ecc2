/// A `KeyConditionExpression`: the partition key, and optionally a
/// condition on the sort key.
package struct KeyCondition: Sendable {
    package enum SortKeyCondition: Sendable {
        case equal(AttributeValue)
        case lessThan(AttributeValue)
        case lessThanOrEqual(AttributeValue)
        case greaterThan(AttributeValue)
        case greaterThanOrEqual(AttributeValue)
        case between(AttributeValue, AttributeValue)
        case beginsWith(AttributeValue)
    }

    var partitionKeyName: String
    var partitionKeyValue: AttributeValue
    var sortKeyName: String?
    var sortKeyCondition: SortKeyCondition?

    /// `partitionKey = value`, optionally with `sortKey <condition>`.
    package init(partitionKey name: String, equals value: AttributeValue, sortKey sortName: String? = nil, _ sortCondition: SortKeyCondition? = nil) {
        partitionKeyName = name
        partitionKeyValue = value
        sortKeyName = sortName
        sortKeyCondition = sortCondition
    }

    /// `#n0 = :v0 [AND <sort key condition>]`, without parentheses: the
    /// key condition grammar is narrower than the condition grammar.
    package func render(into attributes: inout ExpressionAttributes) -> String {
        let partition = Condition.equals(AttributePath(partitionKeyName), partitionKeyValue).render(into: &attributes)
        if let sortKeyName, let sortKeyCondition {
            let path = AttributePath(sortKeyName)
            let sortCondition: Condition = switch sortKeyCondition {
            case .equal(let value): .compare(path, .equal, .value(value))
            case .lessThan(let value): .compare(path, .lessThan, .value(value))
            case .lessThanOrEqual(let value): .compare(path, .lessThanOrEqual, .value(value))
            case .greaterThan(let value): .compare(path, .greaterThan, .value(value))
            case .greaterThanOrEqual(let value): .compare(path, .greaterThanOrEqual, .value(value))
            case .between(let lower, let upper): .between(path, lower: .value(lower), upper: .value(upper))
            case .beginsWith(let prefix): .beginsWith(path, prefix)
            }
            return "\(partition) AND \(sortCondition.render(into: &attributes))"
        }
        return partition
    }
}

/// A `ProjectionExpression`: the attributes to return.
package struct Projection: Sendable {
    var paths: [AttributePath]

    package init(_ paths: [AttributePath]) { self.paths = paths }

    package func render(into attributes: inout ExpressionAttributes) -> String {
        var rendered: [String] = []
        for path in paths { rendered.append(attributes.placeholder(for: path)) }
        return rendered.joined(separator: ", ")
    }
}
