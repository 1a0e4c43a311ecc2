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
            .or([.compare("status", .notEqual, .value("closed")), .not(.attributeExists(AttributePath("meta").member("locked")))]),
            .beginsWith("sk", "MSG#"),
            .between("version", lower: .value(1), upper: .value(9)),
            .size("tags", .greaterThan, .value(0)),
            .isIn("status", [.value("active"), .value("paused")]),
            .attributeType("ttl", .number),
            .contains("tags", .value("x")),
        ])
        let text = condition.render(into: &attributes)
        #expect(text == "(attribute_not_exists(#n0)) AND (#n1 = :v0) AND ((#n2 <> :v1) OR (NOT (attribute_exists(#n3.#n4)))) AND (begins_with(#n5, :v2)) AND (#n1 BETWEEN :v3 AND :v4) AND (size(#n6) > :v5) AND (#n2 IN (:v6, :v7)) AND (attribute_type(#n7, :v8)) AND (contains(#n6, :v9))")
        #expect(attributes.names == ["#n0": "pk", "#n1": "version", "#n2": "status", "#n3": "meta", "#n4": "locked", "#n5": "sk", "#n6": "tags", "#n7": "ttl"])
        #expect(attributes.values[":v0"] == 3)
        #expect(attributes.values[":v8"] == "N")
        #expect(attributes.values.count == 10)
    }

    @Test("update clauses come out in SET, REMOVE, ADD, DELETE order")
    func update() {
        var attributes = ExpressionAttributes()
        let update = UpdateExpression([
            .add("count", 1),
            .set("version", .increment("version", by: 1)),
            .remove(AttributePath("items").element(2)),
            .set("title", .ifNotExists("title", .value("untitled"))),
            .delete("tags", .ss(["old"])),
            .set("log", .listAppend(.path("log"), .value(["entry"]))),
            .set("left", .minus(.path("left"), .value(2))),
        ])
        #expect(update.render(into: &attributes)
            == "SET #n1 = #n1 + :v1, #n3 = if_not_exists(#n3, :v2), #n5 = list_append(#n5, :v4), #n6 = #n6 - :v5 REMOVE #n2[2] ADD #n0 :v0 DELETE #n4 :v3")
    }

    @Test("key conditions render without parentheses")
    func keyCondition() {
        var attributes = ExpressionAttributes()
        #expect(KeyCondition(partitionKey: "pk", equals: "A", sortKey: "sk", .between("MSG#0001", "MSG#0009")).render(into: &attributes)
            == "#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2")
        var only = ExpressionAttributes()
        #expect(KeyCondition(partitionKey: "pk", equals: "A").render(into: &only) == "#n0 = :v0")
        var prefix = ExpressionAttributes()
        #expect(KeyCondition(partitionKey: "pk", equals: "A", sortKey: "sk", .beginsWith("MSG#")).render(into: &prefix) == "#n0 = :v0 AND begins_with(#n1, :v1)")
    }

    @Test("projections and dotted names: a dot is part of the name")
    func projection() {
        var attributes = ExpressionAttributes()
        #expect(Projection(["a.b", AttributePath("a").member("b"), "pk"]).render(into: &attributes) == "#n0, #n1.#n2, #n3")
        #expect(attributes.names == ["#n0": "a.b", "#n1": "a", "#n2": "b", "#n3": "pk"])
    }
}
