/// A `KeyConditionExpression`: the partition key, and optionally a
/// condition on the sort key.
package struct KeyCondition: Sendable {
    package enum SortKeyCondition: Sendable {
        /// `begins_with(sk, prefix)`: the messages of a conversation (`MESSAGE#`).
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

    /// `#n0 = :v0 [AND begins_with(#n1, :v1)]`, without parentheses: the
    /// key condition grammar is narrower than the condition grammar.
    package func render(into attributes: inout ExpressionAttributes) -> String {
        let partition = Condition.equals(partitionKeyName, partitionKeyValue).render(into: &attributes)
        guard let sortKeyName, let sortKeyCondition else { return partition }
        switch sortKeyCondition {
        case .beginsWith(let prefix):
            let name = attributes.placeholder(forName: sortKeyName)
            return "\(partition) AND begins_with(\(name), \(attributes.placeholder(for: prefix)))"
        }
    }
}
