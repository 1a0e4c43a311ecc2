import Coaching
import CoachingContracts

/// Turns verified claims into a ``CallerIdentity``.
enum IdentityClaims {
    /// Requires a user and a tenant of safe id shape: they become key parts.
    static func identity(userID: String?, tenantID: String?, role: String?) throws(AuthenticationError) -> CallerIdentity {
        guard let userID, let tenantID,
              (try? RequestParameters.identifier(userID, name: "user_id")) != nil,
              (try? RequestParameters.identifier(tenantID, name: "tenant_id")) != nil else {
            throw .missingClaims
        }
        return CallerIdentity(userID: userID, tenantID: tenantID, role: role.map { String($0.prefix(64)) })
    }

    /// Claims an API Gateway authorizer verified: a JWT authorizer's claims,
    /// a Lambda authorizer's context, or Cognito claims (REST).
    static func identity(fromAuthorizer claims: [String: String]) throws(AuthenticationError) -> CallerIdentity? {
        let userID = claims["user_id"] ?? claims["sub"]
        let tenantID = claims["tenant_id"] ?? claims["custom:tenant_id"]
        guard userID != nil || tenantID != nil else { return nil }
        return try identity(userID: userID, tenantID: tenantID, role: claims["role"] ?? claims["custom:role"])
    }
}
