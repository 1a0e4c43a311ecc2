/// Typed readers for single values. Each consumes one value at the current path
/// and returns it, or records an issue there and returns `nil`. With
/// `nullable`, a JSON `null` is consumed and gives `nil` without an issue.
extension ContractReader {
    /// Consumes a `null` when `nullable` allows it.
    private mutating func consumeNull(_ nullable: Bool, kind: ValueKind) throws(JSONSyntaxError) -> Bool {
        guard nullable, kind == .null else { return false }
        try expectLiteral("null")
        return true
    }

    /// Records `type` for a value of the wrong kind and skips it.
    private mutating func mismatch(_ type: String, _ message: String) throws(JSONSyntaxError) {
        record(type, message)
        try skipValue()
    }

    mutating func readString(nullable: Bool = false) throws(JSONSyntaxError) -> String? {
        let kind = try peekKind()
        if kind == .string { return try string(of: scanString()) }
        if try consumeNull(nullable, kind: kind) { return nil }
        try mismatch(IssueType.stringType, "Input should be a valid string")
        return nil
    }

    /// Free text, trimmed, at most `maxCharacters` long, and not blank unless `allowsBlank`.
    mutating func readText(maxCharacters: Int, allowsBlank: Bool = false, nullable: Bool = false) throws(JSONSyntaxError) -> String? {
        guard let raw = try readString(nullable: nullable) else { return nil }
        let text = TextRules.trimmed(raw)
        if text.isEmpty, !allowsBlank {
            record(IssueType.stringTooShort, "String should have at least 1 character")
            return nil
        }
        if TextRules.exceeds(text, characters: maxCharacters) {
            record(IssueType.stringTooLong, "String should have at most \(maxCharacters) characters")
            return nil
        }
        return text
    }

    /// A token checked against `rule` (ids by default); never trimmed.
    mutating func readToken(_ rule: TokenRule = .identifier, nullable: Bool = false) throws(JSONSyntaxError) -> String? {
        guard let token = try readString(nullable: nullable) else { return nil }
        if let problem = rule.problem(with: token) {
            record(problem.type, problem.message)
            return nil
        }
        return token
    }

    /// One of `allowed` (all cases by default), given by its raw value.
    mutating func readEnum<Value: RawRepresentable & CaseIterable>(
        _: Value.Type, allowed: [Value]? = nil, nullable: Bool = false
    ) throws(JSONSyntaxError) -> Value? where Value.RawValue == String, Value: Equatable {
        let choices = allowed ?? Array(Value.allCases)
        let kind = try peekKind()
        if kind == .string, let value = Value(rawValue: try string(of: scanString())), choices.contains(value) {
            return value
        }
        if kind != .string, try consumeNull(nullable, kind: kind) { return nil }
        record(IssueType.enumValue, EnumMessage.expecting(choices))
        if kind != .string { try skipValue() }
        return nil
    }

    /// A finite number (integers accepted).
    mutating func readDouble(nullable: Bool = false) throws(JSONSyntaxError) -> Double? {
        let kind = try peekKind()
        if kind == .number {
            let number = try scanNumber()
            guard number.value.isFinite else {
                record(IssueType.finiteNumber, "Input should be a finite number")
                return nil
            }
            return number.value
        }
        if try consumeNull(nullable, kind: kind) { return nil }
        try mismatch(IssueType.floatType, "Input should be a valid number")
        return nil
    }

    /// An integer within `range`; `5.0` is accepted as 5, `5.5` is not.
    mutating func readInt(in range: ClosedRange<Int>? = nil, nullable: Bool = false) throws(JSONSyntaxError) -> Int? {
        let kind = try peekKind()
        guard kind == .number else {
            if try consumeNull(nullable, kind: kind) { return nil }
            try mismatch(IssueType.intType, "Input should be a valid integer")
            return nil
        }
        let number = try scanNumber()
        let integer: Int
        if let exact = number.exactInteger {
            integer = exact
        } else if !number.value.isFinite {
            record(IssueType.finiteNumber, "Input should be a finite number")
            return nil
        } else if number.value.rounded(.towardZero) != number.value {
            record(IssueType.intFromFloat, "Input should be a valid integer, got a number with a fractional part")
            return nil
        } else if number.value.magnitude < 9.0e15 {
            integer = Int(number.value)
        } else {
            record(IssueType.intParsing, "Input should be a valid integer, the number is too large")
            return nil
        }
        if let range, integer < range.lowerBound {
            record(IssueType.greaterThanEqual, "Input should be greater than or equal to \(range.lowerBound)")
            return nil
        }
        if let range, integer > range.upperBound {
            record(IssueType.lessThanEqual, "Input should be less than or equal to \(range.upperBound)")
            return nil
        }
        return integer
    }

    mutating func readBool(nullable: Bool = false) throws(JSONSyntaxError) -> Bool? {
        let kind = try peekKind()
        if kind == .bool {
            let value = bytes[position] == UInt8(ascii: "t")
            try expectLiteral(value ? "true" : "false")
            return value
        }
        if try consumeNull(nullable, kind: kind) { return nil }
        try mismatch(IssueType.boolType, "Input should be a valid boolean")
        return nil
    }

    /// An ISO-8601 date or date-time (see ``ContractDate``).
    mutating func readDate(nullable: Bool = false) throws(JSONSyntaxError) -> ContractDate? {
        let kind = try peekKind()
        guard kind == .string else {
            if try consumeNull(nullable, kind: kind) { return nil }
            try mismatch(IssueType.datetimeType, "Input should be a valid datetime or date")
            return nil
        }
        let text = try string(of: scanString())
        switch ISO8601Parser.parse(text) {
        case .success(let parsed):
            return ContractDate(text: text, parsed: parsed)
        case .failure(let problem):
            record(IssueType.datetimeParsing, "Input should be a valid datetime or date, \(problem.rawValue)")
            return nil
        }
    }
}
