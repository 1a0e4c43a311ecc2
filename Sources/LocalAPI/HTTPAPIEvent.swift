/// An API Gateway HTTP API event (payload format 2.0), as API Gateway
/// builds it for a `$default` route with no authorizer: what the local
/// server hands the Lambda handler for each HTTP request.
struct HTTPAPIEvent: Encodable, Sendable {
    var version = "2.0"
    var routeKey = "$default"
    /// The path as sent, still percent-encoded.
    var rawPath: String
    var rawQueryString: String
    /// The `cookie` header split into its pairs (and removed from `headers`).
    var cookies: [String]?
    /// Lower-case names; repeated headers joined with commas.
    var headers: [String: String]
    /// Decoded values; repeated parameters joined with commas.
    var queryStringParameters: [String: String]?
    var requestContext: RequestContext
    /// Text when the body is UTF-8, base64 (with ``isBase64Encoded``) otherwise; absent when empty.
    var body: String?
    var isBase64Encoded: Bool

    enum CodingKeys: String, CodingKey {
        case version, routeKey, rawPath, rawQueryString, cookies, headers, queryStringParameters, requestContext, body, isBase64Encoded
    }

    struct RequestContext: Encodable, Sendable {
        var accountId = "000000000000"
        var apiId = "local"
        var domainName: String
        var domainPrefix: String
        var http: HTTP
        var requestId: String
        var routeKey = "$default"
        var stage = "$default"
        /// `21/Nov/2026:23:14:41 +0000`.
        var time: String
        var timeEpoch: Int64

        enum CodingKeys: String, CodingKey {
            case accountId, apiId, domainName, domainPrefix, http, requestId, routeKey, stage, time, timeEpoch
        }
    }

    struct HTTP: Encodable, Sendable {
        var method: String
        var path: String
        var `protocol`: String
        var sourceIp: String
        var userAgent: String

        enum CodingKeys: String, CodingKey {
            case method, path, `protocol`, sourceIp, userAgent
        }
    }
}
