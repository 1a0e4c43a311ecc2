/// Progress through one object being read field by field.
struct ObjectScope {
    let enclosed: Bool
    var seen: UInt64 = 0
    var isFirst = true
    /// Where the next key is looked for first: after the last one found.
    var guess = 0
}

/// Progress through an object whose keys are data (a map).
struct MemberScope {
    let enclosed: Bool
    var count = 0
    var isFirst = true
}

/// Progress through one array being read element by element.
struct ArrayScope {
    let enclosed: Bool
    var count = 0
}

extension ContractReader {
    // MARK: Objects

    /// Enters the object at the current position, or records `issueType` and skips
    /// the value when it is something else.
    mutating func beginObject() throws(JSONSyntaxError) -> ObjectScope? {
        guard try peekKind() == .object else {
            record(IssueType.modelType, "Input should be an object")
            try skipValue()
            return nil
        }
        try enterContainer()
        return ObjectScope(enclosed: enterPosition())
    }

    /// The next known field, with its key as the current position; `nil` at the end of
    /// the object (call ``endObject(_:_:)`` then). Unknown keys are skipped (with a hint when they look like a misspelt
    /// known key), repeated ones are recorded as `duplicate_field` and skipped.
    mutating func nextField<Key>(_ scope: inout ObjectScope, in table: FieldTable<Key>) throws(JSONSyntaxError) -> Key? {
        while try advanceToKey(isFirst: &scope.isFirst) {
            let keySpan = try scanString()
            try expectColon()
            let found = keySpan.hasEscapes
                ? table.index(named: try string(of: keySpan))
                : table.index(matching: UnsafeBufferPointer(rebasing: bytes[keySpan.start..<keySpan.end]), guess: scope.guess)
            guard let index = found else {
                let name = try string(of: keySpan)
                if let suggestion = table.suggestion(for: name) {
                    record(IssueType.extraForbidden, "Unknown field '\(name)'; did you mean '\(suggestion)'?", below: .key(name))
                }
                try skipValue()
                continue
            }
            let bit = table.bits[index]
            if scope.seen & bit != 0 {
                record(IssueType.duplicateField, "Field given more than once (under this name or an alias)",
                       below: .key(table.names[index]))
                try skipValue()
                continue
            }
            scope.seen |= bit
            scope.guess = index + 1
            current = .key(table.names[index])
            return table.keys[index]
        }
        return nil
    }

    /// Records `missing` for each required field the object did not have, and leaves it.
    mutating func endObject<Key>(_ scope: ObjectScope, _ table: FieldTable<Key>) {
        let missing = table.requiredMask & ~scope.seen
        if missing != 0, !budgetExceeded {
            for index in table.keys.indices where !table.isAlias[index] && table.bits[index] & missing != 0 {
                record(IssueType.missing, "Field required", below: .key(table.names[index]))
            }
        }
        leavePosition(scope.enclosed)
    }

    /// Enters the object at the current position, whose kind the caller has checked.
    mutating func beginMembers() throws(JSONSyntaxError) -> MemberScope {
        try enterContainer()
        return MemberScope(enclosed: enterPosition())
    }

    /// The next key of a map, as the current position; `nil` at the end of the object
    /// (call ``endMembers(_:)`` then).
    mutating func nextMember(_ scope: inout MemberScope) throws(JSONSyntaxError) -> String? {
        guard try advanceToKey(isFirst: &scope.isFirst) else { return nil }
        let key = try string(of: scanString())
        try expectColon()
        current = .key(key)
        scope.count += 1
        return key
    }

    mutating func endMembers(_ scope: MemberScope) {
        leavePosition(scope.enclosed)
    }

    /// Moves to the next key's opening quote; false at the closing brace (consumed),
    /// or when the byte budget is spent.
    @inline(__always)
    private mutating func advanceToKey(isFirst: inout Bool) throws(JSONSyntaxError) -> Bool {
        if position > budgetEnd { budgetExceeded = true }
        if budgetExceeded { return false }
        return try skipToMember(isFirst: &isFirst, closing: UInt8(ascii: "}"), expectKey: true)
    }

    // MARK: Arrays

    /// Enters the array at the current position, or records `list_type` and skips the value.
    mutating func beginArray() throws(JSONSyntaxError) -> ArrayScope? {
        guard try peekKind() == .array else {
            record(IssueType.listType, "Input should be a valid list")
            try skipValue()
            return nil
        }
        try enterContainer()
        return ArrayScope(enclosed: enterPosition())
    }

    /// True when another element follows, with its index as the current position; false
    /// at the closing bracket (consumed; call ``endArray(_:)`` then).
    mutating func nextElement(_ scope: inout ArrayScope) throws(JSONSyntaxError) -> Bool {
        if position > budgetEnd { budgetExceeded = true }
        if budgetExceeded { return false }
        var isFirst = scope.count == 0
        guard try skipToMember(isFirst: &isFirst, closing: UInt8(ascii: "]"), expectKey: false) else { return false }
        current = .index(scope.count)
        scope.count += 1
        return true
    }

    mutating func endArray(_ scope: ArrayScope) {
        leavePosition(scope.enclosed)
    }

    // MARK: Skipping

    /// Consumes one value of any kind, checking that it is well-formed JSON.
    mutating func skipValue() throws(JSONSyntaxError) {
        switch try peekKind() {
        case .string:
            let span = try scanString()
            if !span.isASCII, !UTF8Validation.isValid(bytes, from: span.start, to: span.end) {
                throw syntaxError(.invalidUTF8, at: span.start)
            }
        case .number: _ = try scanNumber()
        case .bool: try expectLiteral(bytes[position] == UInt8(ascii: "t") ? "true" : "false")
        case .null: try expectLiteral("null")
        case .object:
            try enterContainer()
            var isFirst = true
            while try skipToMember(isFirst: &isFirst, closing: UInt8(ascii: "}"), expectKey: true) {
                try skipValue()
                try expectColon()
                try skipValue()
            }
        case .array:
            try enterContainer()
            var isFirst = true
            while try skipToMember(isFirst: &isFirst, closing: UInt8(ascii: "]"), expectKey: false) {
                try skipValue()
            }
        }
    }

    /// Moves past the comma before the next member of the container being read; false
    /// at its `closing` byte (consumed, leaving the container).
    @inline(__always)
    private mutating func skipToMember(isFirst: inout Bool, closing: UInt8, expectKey: Bool) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard position < end else { throw syntaxError(.unexpectedEnd) }
        if bytes[position] == closing {
            position += 1
            depth -= 1
            return false
        }
        if !isFirst {
            guard bytes[position] == UInt8(ascii: ",") else { throw syntaxError(.expectedCommaOrEnd) }
            position += 1
            skipWhitespace()
            guard position < end else { throw syntaxError(.unexpectedEnd) }
        }
        isFirst = false
        if expectKey, bytes[position] != UInt8(ascii: "\"") { throw syntaxError(.expectedKey) }
        return true
    }

    @inline(__always)
    private mutating func expectColon() throws(JSONSyntaxError) {
        skipWhitespace()
        guard position < end, bytes[position] == UInt8(ascii: ":") else { throw syntaxError(.expectedColon) }
        position += 1
    }

    /// Consumes `{` or `[` and checks the nesting limit.
    private mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= limits.maxDepth else { throw syntaxError(.depthLimitExceeded) }
        position += 1
    }
}
