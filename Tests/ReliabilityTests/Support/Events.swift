import Foundation
import TestSupport

/// Builds the events API Gateway, Step Functions and the authorizer deliver,
/// as JSON text, so tests can also put raw fragments where no real sender would
/// (``HTTPEvents`` in TestSupport builds the well-formed HTTP API ones).
enum Events {
    /// Who an HTTP event says the caller is.
    enum Identity {
        /// What a Lambda authorizer passes on (`requestContext.authorizer.lambda`).
        case authorizer(user: String, tenant: String)
        /// An `Authorization: Bearer` header the function verifies itself.
        case bearer(String)
        /// Any `Authorization` header value.
        case authorizationHeader(String)
        /// Raw JSON for `requestContext.authorizer`.
        case rawAuthorizer(String)
        case none

        static let alice = Identity.authorizer(user: "alice", tenant: "tenant-a")
    }

    /// JSON text of a string.
    static func quoted(_ text: String) -> String { HTTPEvents.json(text) }

    /// JSON text of a string map (sorted keys).
    static func object(_ map: [String: String]) -> String { HTTPEvents.json(map) }

    /// An HTTP API (payload 2.0) event. `rawBody` puts JSON text (not a
    /// string) in `body`, for events of the wrong shape.
    static func http(
        _ method: String, _ path: String, body: String? = nil, rawBody: String? = nil, base64: Bool = false,
        query: [String: String] = [:], headers: [String: String] = [:], identity: Identity = .alice, requestID: String = "api-request"
    ) -> Data {
        var headers = headers
        if body != nil, headers["content-type"] == nil { headers["content-type"] = "application/json" }
        let authorizer: String
        switch identity {
        case .authorizer(let user, let tenant):
            authorizer = #"{"lambda":{"user_id":\#(quoted(user)),"tenant_id":\#(quoted(tenant)),"role":"owner"}}"#
        case .bearer(let token):
            headers["authorization"] = "Bearer \(token)"
            authorizer = "null"
        case .authorizationHeader(let value):
            headers["authorization"] = value
            authorizer = "null"
        case .rawAuthorizer(let json):
            authorizer = json
        case .none:
            authorizer = "null"
        }
        let rawQuery = query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        let bodyJSON = rawBody ?? body.map(quoted) ?? "null"
        let text = #"{"version":"2.0","routeKey":"$default","rawPath":\#(quoted(path)),"rawQueryString":\#(quoted(rawQuery)),"#
            + #""headers":\#(object(headers)),"queryStringParameters":\#(query.isEmpty ? "null" : object(query)),"#
            + #""requestContext":{"accountId":"123456789012","requestId":\#(quoted(requestID)),"stage":"$default","#
            + #""http":{"method":\#(quoted(method)),"path":\#(quoted(path)),"sourceIp":"203.0.113.9"},"authorizer":\#(authorizer)},"#
            + #""body":\#(bodyJSON),"isBase64Encoded":\#(base64)}"#
        return Data(text.utf8)
    }

    /// A REST API (payload 1.0) proxy event.
    static func rest(_ method: String, _ path: String, body: String? = nil, identity: Identity = .alice) -> Data {
        var headers: [String: String] = body == nil ? [:] : ["Content-Type": "application/json"]
        var authorizer = "null"
        switch identity {
        case .authorizer(let user, let tenant):
            authorizer = #"{"user_id":\#(quoted(user)),"tenant_id":\#(quoted(tenant)),"principalId":\#(quoted(user))}"#
        case .bearer(let token):
            headers["Authorization"] = "Bearer \(token)"
        case .authorizationHeader(let value):
            headers["Authorization"] = value
        case .rawAuthorizer(let json):
            authorizer = json
        case .none:
            break
        }
        let text = #"{"resource":\#(quoted(path)),"path":\#(quoted(path)),"httpMethod":\#(quoted(method)),"headers":\#(object(headers)),"#
            + #""multiValueHeaders":null,"queryStringParameters":null,"pathParameters":null,"#
            + #""requestContext":{"requestId":"rest-request","stage":"prod","identity":{"sourceIp":"203.0.113.9"},"authorizer":\#(authorizer)},"#
            + #""body":\#(body.map(quoted) ?? "null"),"isBase64Encoded":false}"#
        return Data(text.utf8)
    }

    /// A Step Functions task payload with the given JSON members.
    static func task(_ members: String) -> Data {
        Data("{\(members)}".utf8)
    }

    /// A well-formed orchestrated task payload.
    static func task(message: String, user: String = "alice", tenant: String = "tenant-a", conversationID: String? = nil,
                     businessContext: String = "null", source: String = "orchestrated", idempotencyKey: String? = nil) -> Data {
        var members = #""source":\#(quoted(source)),"user_id":\#(quoted(user)),"tenant_id":\#(quoted(tenant)),"message":\#(quoted(message)),"#
            + #""conversation_id":\#(conversationID.map(quoted) ?? "null"),"topic":"goals","business_context":\#(businessContext)"#
        if let idempotencyKey { members += #","idempotency_key":\#(quoted(idempotencyKey))"# }
        return task(members)
    }

    /// An HTTP API Lambda authorizer event carrying `authorization` as its identity source.
    static func authorizer(_ authorization: String?) -> Data {
        let source = authorization.map { "[\(quoted($0))]" } ?? "[]"
        let text = #"{"version":"2.0","type":"REQUEST","routeArn":"arn:aws:execute-api:us-east-1:123456789012:abc/$default/POST/api/v1/coaching/chat","#
            + #""identitySource":\#(source),"routeKey":"POST /api/v1/coaching/chat","rawPath":"/api/v1/coaching/chat","headers":{},"#
            + #""requestContext":{"http":{"method":"POST"}}}"#
        return Data(text.utf8)
    }
}
