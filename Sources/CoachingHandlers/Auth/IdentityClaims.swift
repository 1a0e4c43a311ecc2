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
        return CallerIdentity(userID: userID, tenantID: tenantID, role: try validRole(role))
    }

    /// Longest role name accepted.
    static let maxRoleCharacters = 40

    /// A role travels on as a value (authorizer context, the orchestration input, logs), so
    /// it is held to a short safe charset: a role such as `x","tenant_id":"victim` is refused,
    /// never cut or escaped into something else. Empty means no role.
    static func validRole(_ role: String?) throws(AuthenticationError) -> String? {
        guard let role, !role.isEmpty else { return nil }
        let safe = role.utf8.count <= maxRoleCharacters && role.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"): true
            default: false
            }
        }
        guard safe else { throw .invalidRole }
        return role
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
