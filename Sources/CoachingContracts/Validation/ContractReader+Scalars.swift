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

    /// The span of the next string, or `nil` after consuming a `null` (when `nullable`)
    /// or recording a type issue for a value of another kind (`datetime_type` when
    /// `isDate`, else `string_type`; the messages are only built then).
    @inline(__always)
    private mutating func readStringSpan(nullable: Bool, isDate: Bool = false) throws(JSONSyntaxError) -> StringSpan? {
        let kind = try peekKind()
        if kind == .string { return try scanString() }
        if try consumeNull(nullable, kind: kind) { return nil }
        if isDate {
            try mismatch(IssueType.datetimeType, "Input should be a valid datetime or date")
        } else {
            try mismatch(IssueType.stringType, "Input should be a valid string")
        }
        return nil
    }

    mutating func readString(nullable: Bool = false) throws(JSONSyntaxError) -> String? {
        guard let span = try readStringSpan(nullable: nullable) else { return nil }
        return try string(of: span)
    }

    /// Free text, trimmed, at most `maxCharacters` long, and not blank unless `allowsBlank`.
    mutating func readText(maxCharacters: Int, allowsBlank: Bool = false, nullable: Bool = false) throws(JSONSyntaxError) -> String? {
        guard let span = try readStringSpan(nullable: nullable) else { return nil }
        let text: String
        let isBlank: Bool, isTooLong: Bool
        if span.isASCII, !span.hasEscapes {
            // Trim and count on the bytes: one allocation, only for an accepted value.
            var start = span.start, end = span.end
            while start < end, CharacterClass.of(bytes[start]) & CharacterClass.whitespace != 0 { start += 1 }
            while end > start, CharacterClass.of(bytes[end - 1]) & CharacterClass.whitespace != 0 { end -= 1 }
            isBlank = start == end
            isTooLong = end - start > maxCharacters
            text = isBlank || isTooLong ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        } else {
            text = TextRules.trimmed(try string(of: span))
            isBlank = text.isEmpty
            isTooLong = TextRules.exceeds(text, characters: maxCharacters)
        }
        if isBlank, !allowsBlank {
            record(IssueType.stringTooShort, "String should have at least 1 character")
            return nil
        }
        if isTooLong {
            record(IssueType.stringTooLong, "String should have at most \(maxCharacters) characters")
            return nil
        }
        return text
    }

    /// A token checked against `rule` (ids by default); never trimmed.
    mutating func readToken(_ rule: TokenRule = .identifier, nullable: Bool = false) throws(JSONSyntaxError) -> String? {
        guard let span = try readStringSpan(nullable: nullable) else { return nil }
        let problem: (type: String, message: String)?
        var token: String?
        if span.hasEscapes {
            let text = try string(of: span)
            problem = rule.problem(with: text.utf8)
            token = text
        } else {
            problem = rule.problem(with: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
        }
        if let problem {
            record(problem.type, problem.message)
            return nil
        }
        if token == nil { token = try string(of: span) }
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
        guard let span = try readStringSpan(nullable: nullable, isDate: true) else { return nil }
        let text = try string(of: span)
        let parsed = span.hasEscapes
            ? ISO8601Parser.parse(text)
            : ISO8601Parser.parse(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
        switch parsed {
        case .success(let parsed):
            return ContractDate(text: text, parsed: parsed)
        case .failure(let problem):
            record(IssueType.datetimeParsing, "Input should be a valid datetime or date, \(problem.rawValue)")
            return nil
        }
    }
}
