import Coaching
import CoachingContracts

/// A failure a route answers with an HTTP status and a stable `error_code`.
///
/// The message is shown to API callers, so it never carries internals;
/// details of what went wrong inside stay in the logs.
package struct APIError: Error, Sendable, Equatable {
    package var status: Int
    /// Stable machine-readable code, for example `CONVERSATION_NOT_FOUND`.
    package var code: String
    package var message: String
    package var details: [ValidationIssue]?
    /// Extra headers, for example `allow` on a 405 or `retry-after` on a 429.
    package var headers: [String: String]
    /// What failed inside (a store's AWS error, a model's reason): logged
    /// with the answer, never sent. Ignored by equality.
    package var cause: FailureCause?

    package init(status: Int, code: String, message: String, details: [ValidationIssue]? = nil, headers: [String: String] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers
    }

    static func badRequest(code: String = "BAD_REQUEST", message: String) -> APIError {
        APIError(status: 400, code: code, message: message)
    }

    package static let malformedJSON = APIError(status: 400, code: "MALFORMED_JSON", message: "The request body is not valid JSON.")

    package static func unauthorized(_ message: String = "Authentication is required.") -> APIError {
        APIError(status: 401, code: "UNAUTHORIZED", message: message, headers: ["www-authenticate": "Bearer"])
    }

    /// `X-Tenant-Id` names another tenant than the verified credentials.
    package static let tenantMismatch = APIError(
        status: 403, code: "TENANT_MISMATCH", message: "X-Tenant-Id names another tenant than your sign-in; send your own tenant id or leave the header out."
    )

    package static func notFound(code: String = "NOT_FOUND", message: String = "No such resource.") -> APIError {
        APIError(status: 404, code: code, message: message)
    }

    package static func methodNotAllowed(allowed: [String]) -> APIError {
        APIError(status: 405, code: "METHOD_NOT_ALLOWED", message: "This method is not allowed on this path.",
                 headers: ["allow": allowed.joined(separator: ", ")])
    }

    package static func conflict(code: String = "CONFLICT", message: String) -> APIError {
        APIError(status: 409, code: code, message: message)
    }

    static func payloadTooLarge(limit: Int) -> APIError {
        APIError(status: 413, code: "PAYLOAD_TOO_LARGE", message: "The request body is larger than \(limit) bytes.")
    }

    /// Most issues one error envelope lists. A 1 MiB body of repeated small
    /// mistakes holds ~100,000 of them: listed in full, the answer would pass
    /// Lambda's 6 MB response limit (the caller would get a 502) and cost far
    /// more to build and send than the request did to make.
    package static let maxReportedIssues = 50

    package static func validation(_ issues: [ValidationIssue]) -> APIError {
        guard issues.count > maxReportedIssues else {
            return APIError(status: 422, code: "VALIDATION_ERROR", message: issues.summary, details: issues)
        }
        return APIError(status: 422, code: "VALIDATION_ERROR",
                        message: "\(issues[0].plainWords) (and \(issues.count - 1) more problems, the first \(maxReportedIssues) listed in details).",
                        details: Array(issues.prefix(maxReportedIssues)))
    }

    package static let internalError = APIError(status: 500, code: "INTERNAL_ERROR", message: "Something went wrong on our side.")

    package static func unavailable(code: String = "SERVICE_UNAVAILABLE", message: String = "The service is temporarily unavailable; retry shortly.") -> APIError {
        APIError(status: 503, code: code, message: message, headers: ["retry-after": "1"])
    }
}
