import LambdaRuntime

/// Failures for events that are not HTTP requests we can answer; reported to
/// the Runtime API as typed Lambda errors.
package enum EventError: Error, Sendable, Equatable, LambdaFunctionError {
    /// The event is not JSON, or not shaped like any event this function takes.
    case unsupportedEvent
    /// The event is an API Gateway event with required fields missing or wrong.
    case malformedEvent

    package var errorType: String {
        switch self {
        case .unsupportedEvent: "UnsupportedEvent"
        case .malformedEvent: "MalformedEvent"
        }
    }

    package var errorMessage: String {
        switch self {
        case .unsupportedEvent: "The event is not an API Gateway, Function URL or Step Functions event this function accepts."
        case .malformedEvent: "The API Gateway event is missing required fields or has fields of the wrong type."
        }
    }
}
