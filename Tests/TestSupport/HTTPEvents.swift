import Foundation

/// API Gateway events for tests, built the way API Gateway builds them.
package enum HTTPEvents {
    /// Who the request claims to be.
    package enum Identity: Sendable {
        /// Claims a Lambda authorizer verified (`requestContext.authorizer.lambda`).
        case authorizer(user: String, tenant: String)
        /// Exactly these `requestContext.authorizer.lambda` values (a role of any shape, say).
        case authorizerContext([String: String])
        /// An `Authorization: Bearer` header for the function to verify.
        case bearer(String)
        case none
    }

    /// An HTTP API (payload 2.0) event.
    package static func v2(
        _ method: String, _ path: String, body: String? = nil, query: [String: String] = [:], headers: [String: String] = [:],
        identity: Identity = .authorizer(user: "alice", tenant: "tenant-a"), requestID: String = "req-1"
    ) -> Data {
        var allHeaders = headers
        var authorizer = "null"
        switch identity {
        case .authorizer(let user, let tenant):
            authorizer = #"{"lambda":{"user_id":\#(json(user)),"tenant_id":\#(json(tenant)),"role":"owner"}}"#
        case .authorizerContext(let context):
            authorizer = #"{"lambda":\#(json(context))}"#
        case .bearer(let token):
            allHeaders["authorization"] = "Bearer \(token)"
        case .none:
            break
        }
        let rawQuery = query.keys.sorted().map { "\($0)=\(query[$0] ?? "")" }.joined(separator: "&")
        let event = """
        {"version":"2.0","routeKey":"$default","rawPath":\(json(path)),"rawQueryString":\(json(rawQuery)),\
        "headers":\(json(allHeaders)),"queryStringParameters":\(query.isEmpty ? "null" : json(query)),\
        "requestContext":{"requestId":\(json(requestID)),"stage":"$default","http":{"method":\(json(method)),"path":\(json(path)),"sourceIp":"203.0.113.9"},"authorizer":\(authorizer)},\
        "body":\(body.map { json($0) } ?? "null"),"isBase64Encoded":false}
        """
        return Data(event.utf8)
    }

    /// A JSON literal for `value`.
    package static func json<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// The API Gateway proxy response a handler answered.
    package struct ProxyResponse: Decodable, Sendable {
        package var statusCode: Int
        package var headers: [String: String]
        package var body: String
        enum CodingKeys: String, CodingKey { case statusCode, headers, body }

        package init(_ data: Data) throws {
            self = try JSONDecoder().decode(ProxyResponse.self, from: data)
        }

        /// The envelope's `data`, decoded as `type`.
        package func data<Value: Decodable>(_ type: Value.Type) throws -> Value {
            try JSONDecoder().decode(Envelope<Value>.self, from: Data(body.utf8)).data
        }

        /// The error envelope's `error_code`, if this is one.
        package var errorCode: String? {
            (try? JSONDecoder().decode(ErrorCode.self, from: Data(body.utf8)))?.code
        }
    }

    private struct Envelope<Value: Decodable>: Decodable {
        var data: Value
        enum CodingKeys: String, CodingKey { case data }
    }

    private struct ErrorCode: Decodable {
        var code: String
        enum CodingKeys: String, CodingKey { case code = "error_code" }
    }
}
