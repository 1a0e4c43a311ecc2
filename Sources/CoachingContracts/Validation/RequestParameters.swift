/// Validation of request parts that are not JSON bodies: path ids and
/// headers. Issues are located like FastAPI locates them:
/// `["path", "conversation_id"]`, `["header", "idempotency-key"]`.
package enum RequestParameters {
    /// A path id (`[A-Za-z0-9._:-]`, 1...128, no `..`).
    package static func identifier(_ value: String, name: String) throws(ValidationFailure) -> String {
        try check(value, rule: .identifier, location: ["path", .key(name)])
    }

    /// An `Idempotency-Key` header value (printable ASCII, 1...256).
    package static func idempotencyKey(_ value: String) throws(ValidationFailure) -> String {
        try check(value, rule: .idempotencyKey, location: ["header", "idempotency-key"])
    }

    private static func check(_ value: String, rule: TokenRule, location: [PathComponent]) throws(ValidationFailure) -> String {
        if let problem = rule.problem(with: value.utf8) {
            throw .invalid([ValidationIssue(loc: location, msg: problem.message, type: problem.type)])
        }
        return value
    }
}
