/// Who is asking, from verified claims only (an API Gateway authorizer, a
/// verified Bearer token, or the Step Functions payload the state machine
/// built from the authorizer context). Never from a request body.
public struct CallerIdentity: Sendable, Equatable {
    public var userID: String
    public var tenantID: String
    public var role: String?

    public init(userID: String, tenantID: String, role: String? = nil) {
        self.userID = userID
        self.tenantID = tenantID
        self.role = role
    }
}
