import Essentials

/// The model settings' own kinds of value: an error names the variable and
/// what it accepts, never the value (it may be a secret).
extension Environment {
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
