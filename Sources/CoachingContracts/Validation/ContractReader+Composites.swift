/// Readers for lists, nested contracts and string maps.
extension ContractReader {
    /// A nested contract, or `nil` (for `null` when `nullable`, or after recording issues).
    mutating func readModel<Model: JSONContract>(_: Model.Type, nullable: Bool = false) throws(JSONSyntaxError) -> Model? {
        if nullable, try peekKind() == .null {
            try expectLiteral("null")
            return nil
        }
        return try Model.read(from: &self)
    }

    /// A list of at most `maxCount` nested contracts. Elements past the cap are skipped
    /// and reported once as `too_long` on the list, with the real count.
    mutating func readModels<Model: JSONContract>(_: Model.Type, maxCount: Int, nullable: Bool = false) throws(JSONSyntaxError) -> [Model]? {
        if nullable, try peekKind() == .null {
            try expectLiteral("null")
            return nil
        }
        let mark = issueCount
        guard var scope = try beginArray() else { return nil }
        var items: [Model] = []
        while try nextElement(&scope) {
            if scope.count > maxCount {
                try skipValue()
            } else if let item = try Model.read(from: &self) {
                items.append(consume item)
            }
        }
        endArray(scope)
        if scope.count > maxCount {
            record(IssueType.tooLong, "List should have at most \(maxCount) items after validation, not \(scope.count)")
        }
        return issueCount == mark ? items : nil
    }

    /// A small string-to-string map (`metadata`): keys are ids, values bounded text.
    mutating func readStringMap(maxEntries: Int, maxValueCharacters: Int, nullable: Bool = false) throws(JSONSyntaxError) -> [String: String]? {
        let kind = try peekKind()
        if nullable, kind == .null {
            try expectLiteral("null")
            return nil
        }
        guard kind == .object else {
            record(IssueType.dictType, "Input should be a valid dictionary")
            try skipValue()
            return nil
        }
        let mark = issueCount
        var scope = try beginMembers()
        var map: [String: String] = [:]
        while let key = try nextMember(&scope) {
            if let problem = TokenRule.metadataKey.problem(with: key.utf8) {
                record(problem.type, "Key: " + problem.message)
            }
            if map[key] != nil {
                record(IssueType.duplicateField, "Key given more than once")
                try skipValue()
            } else {
                map[key] = try readText(maxCharacters: maxValueCharacters, allowsBlank: true) ?? ""
            }
        }
        endMembers(scope)
        if scope.count > maxEntries {
            record(IssueType.tooLong, "Dictionary should have at most \(maxEntries) items, not \(scope.count)")
        }
        return issueCount == mark ? map : nil
    }

    /// Reads the value at the current position with `read`, but refuses it whole, with
    /// one `too_large` issue, when its raw JSON is longer than `maxBytes`. Reading stops
    /// at the first container boundary past the limit, then the value is skipped.
    mutating func withByteBudget<Value>(
        _ maxBytes: Int, _ read: (inout ContractReader) throws(JSONSyntaxError) -> Value?
    ) throws(JSONSyntaxError) -> Value? {
        skipWhitespace()
        let start = position, savedDepth = depth, savedPath = path, savedCurrent = current
        let savedBudget = budgetEnd, mark = issueCount
        budgetEnd = min(budgetEnd, start + maxBytes)
        let value = try read(&self)
        let exceeded = budgetExceeded || position - start > maxBytes
        budgetEnd = savedBudget
        budgetExceeded = false
        guard exceeded else { return value }
        position = start
        depth = savedDepth
        path = savedPath
        current = savedCurrent
        discardIssues(since: mark)
        try skipValue()
        record(IssueType.tooLarge, "Value is \(position - start) bytes of JSON; at most \(maxBytes) are accepted")
        return nil
    }
}
