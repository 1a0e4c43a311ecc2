/// An API Gateway HTTP API (payload format 2.0) or Lambda Function URL event.
public struct APIGatewayV2Request: Decodable, Sendable {
    public var version: String
    public var routeKey: String?
    public var rawPath: String
    public var rawQueryString: String?
    public var cookies: [String]?
    public var headers: [String: String]?
    public var queryStringParameters: [String: String]?
    public var pathParameters: [String: String]?
    public var body: String?
    public var isBase64Encoded: Bool?
    public var requestContext: RequestContext

    enum CodingKeys: String, CodingKey {
        case version, routeKey, rawPath, rawQueryString, cookies, headers
        case queryStringParameters, pathParameters, body, isBase64Encoded, requestContext
    }

    public struct RequestContext: Decodable, Sendable {
        public var requestId: String?
        public var stage: String?
        public var domainName: String?
        public var http: HTTP
        public var authorizer: Authorizer?

        enum CodingKeys: String, CodingKey {
            case requestId, stage, domainName, http, authorizer
        }
    }

    public struct HTTP: Decodable, Sendable {
        public var method: String
        public var path: String?
        public var sourceIp: String?
        public var userAgent: String?

        enum CodingKeys: String, CodingKey {
            case method, path, sourceIp, userAgent
        }
    }

    /// Exactly one of these is present, depending on the route's authorizer.
    public struct Authorizer: Decodable, Sendable {
        public var jwt: JWT?
        public var lambda: [String: ClaimValue]?

        enum CodingKeys: String, CodingKey {
            case jwt, lambda
        }
    }

    public struct JWT: Decodable, Sendable {
        public var claims: [String: ClaimValue]?
        public var scopes: [String]?

        enum CodingKeys: String, CodingKey {
            case claims, scopes
        }
    }
}
