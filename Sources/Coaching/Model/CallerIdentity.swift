/// Who is asking, from verified claims only (an API Gateway authorizer, a
/// verified Bearer token, or the Step Functions payload the state machine
/// built from the authorizer context). Never from a request body.
package struct CallerIdentity: Sendable, Equatable {
    package var userID: String
    package var tenantID: String
    package var role: String?

    package init(userID: String, tenantID: String, role: String? = nil) {
        self.userID = userID
        self.tenantID = tenantID
        self.role = role
    }
}
