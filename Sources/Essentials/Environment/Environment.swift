import FoundationEssentials

/// A snapshot of environment variables, read once at start-up and passed
/// around, so that configuration is a value tests build rather than process
/// state they mutate. The one reader every module uses: an empty or
/// all-whitespace value means unset, surrounding whitespace is ignored.
package struct Environment: Sendable, ExpressibleByDictionaryLiteral {
    package var values: [String: String]

    package init(_ values: [String: String]) { self.values = values }

    package init(dictionaryLiteral elements: (String, String)...) {
        values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// The current process environment.
    package static var process: Environment { Environment(ProcessInfo.processInfo.environment) }

    /// The value of `name` without surrounding whitespace, or `nil` when unset or blank.
    package subscript(name: String) -> String? {
        guard let raw = values[name] else { return nil }
        // By index over the scalars: the lazy drop/reversed wrappers cost a
        // runtime metadata lookup per generic type, measurable at cold start.
        let scalars = raw.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        if start == end { return nil }
        return start == scalars.startIndex && end == scalars.endIndex ? raw : String(scalars[start..<end])
    }

    /// `AWS_REGION`, else `AWS_DEFAULT_REGION`.
    package var region: String? { self["AWS_REGION"] ?? self["AWS_DEFAULT_REGION"] }

    /// A whole number in `range`, `fallback` when unset.
    package func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(EnvironmentError) -> Int {
        guard let text = self[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw EnvironmentError(variable: name, reason: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A finite number in `range`, `fallback` when unset; `context` ends the error's reason.
    package func number(_ name: String, default fallback: Double, in range: ClosedRange<Double>, context: String = "") throws(EnvironmentError) -> Double {
        guard let text = self[name] else { return fallback }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw EnvironmentError(variable: name, reason: "must be a number from \(range.lowerBound) to \(range.upperBound)\(context)")
        }
        return value
    }
}

/// A variable whose value cannot be used. Never echoes the value (it may be a secret).
package struct EnvironmentError: Error, Sendable, Equatable {
    package var variable: String
    package var reason: String

    package init(variable: String, reason: String) {
        self.variable = variable
        self.reason = reason
    }
}
