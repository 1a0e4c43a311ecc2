/// Typed reads of configuration variables: empty means unset, surrounding
/// whitespace is ignored, anything unparsable or out of range is an error
/// naming the variable and the accepted range (never the secret values).
struct EnvironmentValues {
    let values: [String: String]

    subscript(name: String) -> String? {
        guard let raw = values[name] else { return nil }
        let trimmed = raw.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(LanguageModelConfigurationError) -> Int {
        guard let text = self[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw LanguageModelConfigurationError(variable: name, reason: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func number(_ name: String, default fallback: Double, in range: ClosedRange<Double>, context: String) throws(LanguageModelConfigurationError) -> Double {
        guard let text = self[name] else { return fallback }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw LanguageModelConfigurationError(variable: name, reason: "must be a number from \(range.lowerBound) to \(range.upperBound)\(context)")
        }
        return value
    }

    /// A name-like value: printable, no whitespace, at most `maxLength` characters.
    func identifier(_ name: String, maxLength: Int, what: String) throws(LanguageModelConfigurationError) -> String? {
        guard let text = self[name] else { return nil }
        guard text.count <= maxLength, text.unicodeScalars.allSatisfy(Self.isVisible) else {
            throw LanguageModelConfigurationError(variable: name, reason: "must be \(what): at most \(maxLength) visible characters, no spaces")
        }
        return text
    }

    /// Visible ASCII only: a value that goes into an HTTP header must not
    /// be able to add lines to it.
    func headerSafeSecret(_ name: String) throws(LanguageModelConfigurationError) -> SecretText? {
        guard let text = self[name] else { return nil }
        guard text.count <= 4_096, text.unicodeScalars.allSatisfy({ $0.isASCII && Self.isVisible($0) }) else {
            throw LanguageModelConfigurationError(variable: name, reason: "must be printable ASCII without spaces (value not shown)")
        }
        return SecretText(text)
    }

    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.properties.isWhitespace && !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }
}
