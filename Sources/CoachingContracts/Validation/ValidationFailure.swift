/// Why a document was refused, split the way an HTTP layer answers it:
/// ``tooLarge`` is a 413, ``malformedJSON`` a 400, ``invalid`` a 422.
package enum ValidationFailure: Error, Sendable, Equatable {
    /// The body, or one string in it, is larger than the limit; nothing was decoded.
    case tooLarge(subject: String, limit: Int)
    /// The bytes are not JSON (or break a structural limit such as nesting depth).
    case malformedJSON(JSONSyntaxError)
    /// Well-formed JSON that breaks the contract; every problem found, in document order.
    case invalid([ValidationIssue])

    /// The problems as Pydantic-style issues, whatever the case (one issue for the first two).
    package var issues: [ValidationIssue] {
        switch self {
        case .tooLarge(let subject, let limit):
            [ValidationIssue(loc: [], msg: "The \(subject) is larger than \(limit) bytes", type: IssueType.tooLarge)]
        case .malformedJSON(let error):
            [ValidationIssue(loc: [], msg: "Invalid JSON: \(error)", type: IssueType.jsonInvalid)]
        case .invalid(let issues):
            issues
        }
    }

    /// A stable code for the failure, matching the HTTP layer's error codes.
    package var errorCode: String {
        switch self {
        case .tooLarge: "PAYLOAD_TOO_LARGE"
        case .malformedJSON: "MALFORMED_JSON"
        case .invalid: "VALIDATION_ERROR"
        }
    }
}
