import DynamoDB
import Testing

@Suite("Expression builder")
struct ExpressionTests {
    @Test("conditions never splice names or values; names are shared, values are not")
    func condition() {
        var attributes = ExpressionAttributes()
        let condition = Condition.and([
            .attributeNotExists("pk"),
            .equals("version", 3),
            .compare("ttl", .greaterThan, .value(1_800_000_000)),
            .equals("version", 4),
            .equals("a.b", "dotted"),
        ])
        let text = condition.render(into: &attributes)
        #expect(text == "(attribute_not_exists(#n0)) AND (#n1 = :v0) AND (#n2 > :v1) AND (#n1 = :v2) AND (#n3 = :v3)")
        #expect(attributes.names == ["#n0": "pk", "#n1": "version", "#n2": "ttl", "#n3": "a.b"], "a dot is part of the name")
        #expect(attributes.values == [":v0": 3, ":v1": 1_800_000_000, ":v2": 4, ":v3": "dotted"])
    }

    @Test("either of several conditions, inside a conjunction")
    func disjunction() {
        var attributes = ExpressionAttributes()
        let condition = Condition.and([.compare("ttl", .greaterThan, .value(5)), .or([.equals("status", "active"), .equals("status", "paused")])])
        #expect(condition.render(into: &attributes) == "(#n0 > :v0) AND ((#n1 = :v1) OR (#n1 = :v2))")
        #expect(attributes.values == [":v0": 5, ":v1": "active", ":v2": "paused"])
        var single = ExpressionAttributes()
        #expect(Condition.and([.equals("a", 1), .or([.equals("status", "active")])]).render(into: &single) == "(#n0 = :v0) AND (#n1 = :v1)")
    }

    @Test("key conditions render without parentheses")
    func keyCondition() {
        var only = ExpressionAttributes()
        #expect(KeyCondition(partitionKey: "pk", equals: "A").render(into: &only) == "#n0 = :v0")
        var prefix = ExpressionAttributes()
        #expect(KeyCondition(partitionKey: "pk", equals: "A", sortKey: "sk", .beginsWith("MSG#")).render(into: &prefix) == "#n0 = :v0 AND begins_with(#n1, :v1)")
        #expect(prefix.names == ["#n0": "pk", "#n1": "sk"])
        #expect(prefix.values == [":v0": "A", ":v1": "MSG#"])
    }
}
