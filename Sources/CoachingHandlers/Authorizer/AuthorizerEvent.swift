/// An HTTP API Lambda authorizer event (payload format 2.0).
struct AuthorizerEvent: Decodable, Sendable {
    var type: String
    var routeArn: String
    var identitySource: [String]?
    var headers: [String: String]?

    enum CodingKeys: String, CodingKey {
        case type, routeArn, identitySource, headers
    }

    /// The Bearer token: from the identity source, else the header.
    var bearerToken: String? {
        for candidate in identitySource ?? [] {
            if let token = IdentityResolver.bearerToken(candidate) { return token }
        }
        let authorization = headers?.first { $0.key.lowercased() == "authorization" }?.value
        return IdentityResolver.bearerToken(authorization)
    }
}

/// The simple response format: allow or deny, and the claims the route
/// handlers read from `requestContext.authorizer.lambda`.
struct AuthorizerResponse: Encodable, Sendable {
    var isAuthorized: Bool
    var context: [String: String]

    enum CodingKeys: String, CodingKey {
        case isAuthorized, context
    }
}
