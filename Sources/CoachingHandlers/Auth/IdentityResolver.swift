import Coaching
import CoachingContracts

/// Finds the caller of an HTTP request, from verified sources only: the
/// claims an API Gateway authorizer attached, or else a Bearer token this
/// function verifies itself. Bodies are never consulted.
package struct IdentityResolver: Sendable {
    package let verifier: JWTVerifier?

    package init(verifier: JWTVerifier?) {
        self.verifier = verifier
    }

    package func identity(for request: APIRequest) throws(AuthenticationError) -> CallerIdentity {
        if let identity = try IdentityClaims.identity(fromAuthorizer: request.authorizerClaims) {
            return identity
        }
        guard let token = Self.bearerToken(request.header("authorization")) else { throw .missingCredentials }
        guard let verifier else { throw .verificationUnavailable }
        return try verifier.verify(token)
    }

    /// The token of an `Authorization: Bearer <token>` header.
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingWhitespace()
        return token.isEmpty ? nil : token
    }
}
