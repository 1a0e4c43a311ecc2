/// A model setting the service cannot start with. Reasons never repeat
/// secret values (API keys, URLs that may carry passwords).
package struct LanguageModelConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable at fault.
    package var variable: String
    package var reason: String

    package init(variable: String, reason: String) {
        self.variable = variable
        self.reason = reason
    }

    /// Stable code, the one the runtime reports for configuration errors.
    package var code: String { "InvalidConfiguration" }

    package var description: String { "\(variable): \(reason)" }
}
