/// A model setting the service cannot start with. Reasons never repeat
/// secret values (API keys, URLs that may carry passwords).
public struct LanguageModelConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable at fault.
    public var variable: String
    public var reason: String

    public init(variable: String, reason: String) {
        self.variable = variable
        self.reason = reason
    }

    /// Stable code, the one the runtime reports for configuration errors.
    public var code: String { "InvalidConfiguration" }

    public var description: String { "\(variable): \(reason)" }
}
