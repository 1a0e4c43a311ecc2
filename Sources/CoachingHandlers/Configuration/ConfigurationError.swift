import LambdaRuntime

/// A setting in the environment that the function cannot start with.
/// Reported to `/runtime/init/error` as `InvalidConfiguration`.
public struct ConfigurationError: Error, Sendable, Equatable, LambdaFunctionError {
    /// The environment variable at fault.
    public var variable: String
    /// Why its value is unusable. Never echoes secret values.
    public var reason: String

    public init(variable: String, reason: String) {
        self.variable = variable
        self.reason = reason
    }

    public var errorType: String { "InvalidConfiguration" }
    public var errorMessage: String { "\(variable): \(reason)" }
}
