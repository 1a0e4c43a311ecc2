import Foundation
import LocalRuntime

/// An API Gateway proxy response as the runtime posted it, with its
/// envelope read loosely for assertions.
struct GatewayReply: Decodable, Sendable {
    var statusCode: Int
    var headers: [String: String]
    var body: String
    var isBase64Encoded: Bool?

    enum CodingKeys: String, CodingKey {
        case statusCode, headers, body, isBase64Encoded
    }

    var status: Int { statusCode }

    /// The error envelope, when the body is one.
    var error: ErrorEnvelopeBody? {
        guard let body = try? JSONDecoder().decode(ErrorEnvelopeBody.self, from: Data(body.utf8)), !body.success else { return nil }
        return body
    }

    /// `data` of a success envelope.
    func data<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try JSONDecoder().decode(SuccessBody<Value>.self, from: Data(body.utf8)).data
    }

    struct SuccessBody<Value: Decodable>: Decodable {
        var success: Bool
        var data: Value
        enum CodingKeys: String, CodingKey { case success, data }
    }
}

/// `{"success": false, "error", "error_code", "details", "request_id"}`.
struct ErrorEnvelopeBody: Decodable, Sendable {
    struct Detail: Decodable, Sendable {
        var loc: [LocationPart]
        var msg: String
        var type: String
        enum CodingKeys: String, CodingKey { case loc, msg, type }
    }

    var success: Bool
    var error: String
    var errorCode: String
    var details: [Detail]?
    var requestID: String?

    enum CodingKeys: String, CodingKey {
        case success, error, errorCode = "error_code", details, requestID = "request_id"
    }

    /// Each detail's location joined with dots (`body.message`).
    var locations: [String] { (details ?? []).map { $0.loc.map(\.text).joined(separator: ".") } }
}

/// A `loc` entry: a key or an index.
struct LocationPart: Decodable, Sendable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let index = try? container.decode(Int.self) { text = String(index) } else { text = try container.decode(String.self) }
    }
}

/// The body of a Lambda error report.
struct LambdaErrorBody: Decodable, Sendable {
    var errorType: String
    var errorMessage: String
    var stackTrace: [String]
    enum CodingKeys: String, CodingKey { case errorType, errorMessage, stackTrace }
}

/// The simple response of the HTTP API Lambda authorizer.
struct AuthorizerDecision: Decodable, Sendable {
    var isAuthorized: Bool
    var context: [String: String]
    enum CodingKeys: String, CodingKey { case isAuthorized, context }
}

extension InvocationOutcome {
    var gatewayReply: GatewayReply? {
        responseBody.flatMap { try? JSONDecoder().decode(GatewayReply.self, from: $0) }
    }

    var authorizerDecision: AuthorizerDecision? {
        responseBody.flatMap { try? JSONDecoder().decode(AuthorizerDecision.self, from: $0) }
    }

    /// The header's error type and the report, for an error outcome.
    var lambdaError: (header: String?, report: LambdaErrorBody)? {
        guard case .error(let type, let body) = self, let report = try? JSONDecoder().decode(LambdaErrorBody.self, from: body) else {
            return nil
        }
        return (type, report)
    }

    /// A short description for failure messages.
    var summary: String {
        switch self {
        case .response(let body): "response \(String(decoding: body.prefix(300), as: UTF8.self))"
        case .error(let type, let body): "error \(type ?? "?") \(String(decoding: body.prefix(300), as: UTF8.self))"
        case .tooLarge(let bytes): "tooLarge \(bytes)"
        case .streamed(let streamed): "streamed \(String(decoding: streamed.body.prefix(300), as: UTF8.self))"
        }
    }
}
