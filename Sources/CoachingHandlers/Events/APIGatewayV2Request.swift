/// An API Gateway HTTP API (payload format 2.0) or Lambda Function URL event.
package struct APIGatewayV2Request: Decodable, Sendable {
    package var version: String
    package var routeKey: String?
    package var rawPath: String
    package var rawQueryString: String?
    package var cookies: [String]?
    package var headers: [String: String]?
    package var queryStringParameters: [String: String]?
    package var pathParameters: [String: String]?
    package var body: String?
    package var isBase64Encoded: Bool?
    package var requestContext: RequestContext

    enum CodingKeys: String, CodingKey {
        case version, routeKey, rawPath, rawQueryString, cookies, headers
        case queryStringParameters, pathParameters, body, isBase64Encoded, requestContext
    }

    package struct RequestContext: Decodable, Sendable {
        package var requestId: String?
        package var stage: String?
        package var domainName: String?
        package var http: HTTP
        package var authorizer: Authorizer?

        enum CodingKeys: String, CodingKey {
            case requestId, stage, domainName, http, authorizer
        }
    }

    package struct HTTP: Decodable, Sendable {
        package var method: String
        package var path: String?
        package var sourceIp: String?
        package var userAgent: String?

        enum CodingKeys: String, CodingKey {
            case method, path, sourceIp, userAgent
        }
    }

    /// Exactly one of these is present, depending on the route's authorizer.
    package struct Authorizer: Decodable, Sendable {
        package var jwt: JWT?
        package var lambda: [String: ClaimValue]?

        enum CodingKeys: String, CodingKey {
            case jwt, lambda
        }
    }

    package struct JWT: Decodable, Sendable {
        package var claims: [String: ClaimValue]?
        package var scopes: [String]?

        enum CodingKeys: String, CodingKey {
            case claims, scopes
        }
    }
}
