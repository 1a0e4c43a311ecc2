import LambdaRuntime
import FoundationEssentials

/// An HTTP request as the routes see it, whichever API Gateway payload
/// format (or Function URL) delivered it.
package struct APIRequest: Sendable {
    package enum Format: Sendable, Equatable {
        case restV1
        case httpV2
    }

    package var format: Format
    /// Upper-case method.
    package var method: String
    /// The path below the stage, for example `/api/v1/health`.
    package var path: String
    package var query: [String: String]
    /// Header names lower-cased.
    package var headers: [String: String]
    package var body: Data
    /// API Gateway's request id (or the Lambda request id when absent).
    package var requestID: String
    /// The Lambda invocation's request id, when the request came through
    /// Lambda (every other log line carries it; ``requestID`` is API Gateway's).
    package var invocationID: String?
    var sourceIP: String?
    /// Claims or context an API Gateway authorizer verified, as text.
    package var authorizerClaims: [String: String]

    package init(
        format: Format = .httpV2,
        method: String,
        path: String,
        query: [String: String] = [:],
        headers: [String: String] = [:],
        body: Data = Data(),
        requestID: String = "local",
        sourceIP: String? = nil,
        authorizerClaims: [String: String] = [:]
    ) {
        self.format = format
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.requestID = requestID
        self.sourceIP = sourceIP
        self.authorizerClaims = authorizerClaims
    }

    package func header(_ name: String) -> String? { headers[name.lowercased()] }
}

extension APIRequest {
    /// Normalises an HTTP API (2.0) or Function URL event.
    init(_ event: APIGatewayV2Request, fallbackRequestID: String) throws(APIError) {
        let context = event.requestContext
        var claims: [String: String] = [:]
        if let jwt = context.authorizer?.jwt?.claims { claims.merge(jwt.textValues) { first, _ in first } }
        if let lambda = context.authorizer?.lambda { claims.merge(lambda.textValues) { first, _ in first } }
        self.init(
            format: .httpV2,
            method: context.http.method.uppercased(),
            path: Self.stripStage(event.rawPath, stage: context.stage),
            query: event.queryStringParameters ?? [:],
            headers: Self.lowercasedHeaders(event.headers),
            body: try Self.decodeBody(event.body, isBase64Encoded: event.isBase64Encoded ?? false),
            requestID: context.requestId ?? fallbackRequestID,
            sourceIP: context.http.sourceIp,
            authorizerClaims: claims
        )
    }

    /// Normalises a REST API (1.0) proxy event.
    init(_ event: APIGatewayV1Request, fallbackRequestID: String) throws(APIError) {
        var claims: [String: String] = [:]
        for (key, entry) in event.requestContext?.authorizer ?? [:] {
            switch entry {
            case .claims(let values): claims.merge(values.textValues) { first, _ in first }
            case .value(let value): if let text = value.text, claims[key] == nil { claims[key] = text }
            }
        }
        var headers = Self.lowercasedHeaders(event.headers)
        for (name, values) in event.multiValueHeaders ?? [:] where headers[name.lowercased()] == nil {
            if let first = values.first { headers[name.lowercased()] = first }
        }
        self.init(
            format: .restV1,
            method: event.httpMethod.uppercased(),
            path: event.path,
            query: event.queryStringParameters ?? [:],
            headers: headers,
            body: try Self.decodeBody(event.body, isBase64Encoded: event.isBase64Encoded ?? false),
            requestID: event.requestContext?.requestId ?? fallbackRequestID,
            sourceIP: event.requestContext?.identity?.sourceIp,
            authorizerClaims: claims
        )
    }

    static func lowercasedHeaders(_ headers: [String: String]?) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in headers ?? [:] { result[name.lowercased()] = value }
        return result
    }

    static func decodeBody(_ body: String?, isBase64Encoded: Bool) throws(APIError) -> Data {
        guard let body, !body.isEmpty else { return Data() }
        guard isBase64Encoded else { return Data(body.utf8) }
        guard let decoded = Data(base64Encoded: body) else {
            throw .badRequest(code: "MALFORMED_BODY", message: "The request body is not valid base64.")
        }
        return decoded
    }

    /// HTTP API puts a named stage in `rawPath` (`/prod/api/v1/...`).
    static func stripStage(_ path: String, stage: String?) -> String {
        guard let stage, stage != "$default", !stage.isEmpty, path.hasPrefix("/\(stage)/") else { return path }
        return String(path.dropFirst(stage.count + 1))
    }
}

extension APIRequest {
    /// The ids a metric record carries: `requestId` is the Lambda invocation's,
    /// as on every log line; `apiRequestId` is API Gateway's.
    var metricIDs: [(String, LogValue)] {
        [("requestId", .string(invocationID ?? requestID)), ("apiRequestId", .string(requestID))]
    }
}
