/// Why a caller could not be identified. Every case answers 401; the
/// message says what is wrong with the credentials, never what is right.
package enum AuthenticationError: Error, Sendable, Equatable {
    case missingCredentials
    case tokenTooLarge
    case malformedToken
    /// Anything but HS256 (`none`, RS256, HS512 ...): the algorithm is pinned.
    case unsupportedAlgorithm
    case badSignature
    case expired
    /// No `iat`, or issued longer ago than the configured maximum age.
    case tooOld
    case notYetValid
    case wrongIssuer
    case wrongAudience
    /// No user or tenant in the verified claims, or ids of unsafe shape.
    case missingClaims
    /// A `role` claim that is not a short role name (`A-Za-z0-9_.-`, at most 40).
    case invalidRole
    /// A Bearer token arrived but the function has no secret to check it with.
    case verificationUnavailable

    package var message: String {
        switch self {
        case .missingCredentials: "Authentication is required."
        case .tokenTooLarge: "The bearer token is too large."
        case .malformedToken: "The bearer token is malformed."
        case .unsupportedAlgorithm: "The bearer token's algorithm is not accepted."
        case .badSignature: "The bearer token's signature is invalid."
        case .expired: "The bearer token has expired."
        case .tooOld: "The bearer token has no issue time or is too old; sign in again."
        case .notYetValid: "The bearer token is not valid yet."
        case .wrongIssuer: "The bearer token was issued by someone else."
        case .wrongAudience: "The bearer token is meant for another audience."
        case .missingClaims: "The credentials do not name a user and a tenant."
        case .invalidRole: "The credentials carry a role that is not a valid role name."
        case .verificationUnavailable: "Bearer tokens are not accepted by this deployment."
        }
    }
}
