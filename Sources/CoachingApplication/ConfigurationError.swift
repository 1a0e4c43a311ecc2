import Coaching
import CoachingHandlers
import CoachingStorage
import Essentials
import LambdaRuntime

/// A setting in the environment that the function cannot start with.
/// Reported to `/runtime/init/error` as `InvalidConfiguration`.
package struct ConfigurationError: Error, Sendable, Equatable, LambdaFunctionError {
    /// The environment variable at fault.
    package var variable: String
    /// Why its value is unusable. Never echoes secret values.
    package var reason: String

    package init(variable: String, reason: String) {
        self.variable = variable
        self.reason = reason
    }

    package var errorType: String { "InvalidConfiguration" }
    package var errorMessage: String { "\(variable): \(reason)" }
}
