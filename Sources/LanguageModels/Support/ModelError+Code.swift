import Coaching
extension ModelError: CustomStringConvertible {
    /// A stable identifier for logs, metrics and alarms.
    package var code: String {
        switch self {
        case .throttled: "ModelThrottled"
        case .timedOut: "ModelTimedOut"
        case .unavailable: "ModelUnavailable"
        case .rejected: "ModelRejected"
        case .accessDenied: "ModelAccessDenied"
        case .notFound: "ModelNotFound"
        case .malformedResponse: "ModelMalformedResponse"
        }
    }

    /// Whether another attempt, later, may succeed.
    package var isTransient: Bool {
        switch self {
        case .throttled, .timedOut, .unavailable: true
        case .rejected, .accessDenied, .notFound, .malformedResponse: false
        }
    }

    /// `code: detail`. Details name error codes, statuses and request ids,
    /// never prompt text, provider messages that may echo it, or secrets.
    package var description: String {
        switch self {
        case .throttled, .timedOut: code
        case .unavailable(let detail), .rejected(let detail), .accessDenied(let detail), .notFound(let detail),
             .malformedResponse(let detail):
            detail.isEmpty ? code : "\(code): \(detail)"
        }
    }
}
