/// An API Gateway REST API proxy event (payload format 1.0).
public struct APIGatewayV1Request: Decodable, Sendable {
    public var resource: String?
    public var path: String
    public var httpMethod: String
    public var headers: [String: String]?
    public var multiValueHeaders: [String: [String]]?
    public var queryStringParameters: [String: String]?
    public var pathParameters: [String: String]?
    public var body: String?
    public var isBase64Encoded: Bool?
    public var requestContext: RequestContext?

    enum CodingKeys: String, CodingKey {
        case resource, path, httpMethod, headers, multiValueHeaders
        case queryStringParameters, pathParameters, body, isBase64Encoded, requestContext
    }

    public struct RequestContext: Decodable, Sendable {
        public var requestId: String?
        public var stage: String?
        public var identity: Identity?
        /// Cognito user pools put their claims under `claims`; Lambda
        /// authorizers put their context keys directly here.
        public var authorizer: [String: AuthorizerEntry]?

        enum CodingKeys: String, CodingKey {
            case requestId, stage, identity, authorizer
        }
    }

    public struct Identity: Decodable, Sendable {
        public var sourceIp: String?
        public var userAgent: String?

        enum CodingKeys: String, CodingKey {
            case sourceIp, userAgent
        }
    }

    /// A value under `requestContext.authorizer`: either the `claims` map or
    /// a single context value.
    public enum AuthorizerEntry: Decodable, Sendable {
        case claims([String: ClaimValue])
        case value(ClaimValue)

        public init(from decoder: any Decoder) throws {
            if let claims = try? [String: ClaimValue](from: decoder) {
                self = .claims(claims)
            } else {
                self = .value(try ClaimValue(from: decoder))
            }
        }
    }
}
