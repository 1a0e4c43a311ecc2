/// An API Gateway REST API proxy event (payload format 1.0).
package struct APIGatewayV1Request: Decodable, Sendable {
    package var resource: String?
    package var path: String
    package var httpMethod: String
    package var headers: [String: String]?
    package var multiValueHeaders: [String: [String]]?
    package var queryStringParameters: [String: String]?
    package var pathParameters: [String: String]?
    package var body: String?
    package var isBase64Encoded: Bool?
    package var requestContext: RequestContext?

    enum CodingKeys: String, CodingKey {
        case resource, path, httpMethod, headers, multiValueHeaders
        case queryStringParameters, pathParameters, body, isBase64Encoded, requestContext
    }

    package struct RequestContext: Decodable, Sendable {
        package var requestId: String?
        package var stage: String?
        package var identity: Identity?
        /// Cognito user pools put their claims under `claims`; Lambda
        /// authorizers put their context keys directly here.
        package var authorizer: [String: AuthorizerEntry]?

        enum CodingKeys: String, CodingKey {
            case requestId, stage, identity, authorizer
        }
    }

    package struct Identity: Decodable, Sendable {
        package var sourceIp: String?
        package var userAgent: String?

        enum CodingKeys: String, CodingKey {
            case sourceIp, userAgent
        }
    }

    /// A value under `requestContext.authorizer`: either the `claims` map or
    /// a single context value.
    package enum AuthorizerEntry: Decodable, Sendable {
        case claims([String: ClaimValue])
        case value(ClaimValue)

        package init(from decoder: any Decoder) throws {
            if let claims = try? [String: ClaimValue](from: decoder) {
                self = .claims(claims)
            } else {
                self = .value(try ClaimValue(from: decoder))
            }
        }
    }
}
