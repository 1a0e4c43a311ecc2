import Foundation

/// Events that are not well-formed API Gateway, Step Functions or authorizer
/// events: answered with typed Lambda errors (or a denial).
extension BadInputCorpus {
    static var events: [CorpusCase] {
        let health = String(decoding: Events.http("GET", "/api/v1/health", identity: .none), as: UTF8.self)
        return [
            CorpusCase("event: not JSON", Data("not json".utf8), .lambdaError("UnsupportedEvent")),
            CorpusCase("event: empty", Data(), .lambdaError("UnsupportedEvent")),
            CorpusCase("event: whitespace only", Data(" \n\t ".utf8), .lambdaError("UnsupportedEvent")),
            CorpusCase("event: null", Data("null".utf8), .lambdaError("UnsupportedEvent")),
            CorpusCase("event: array", Data("[]".utf8), .lambdaError("UnsupportedEvent")),
            CorpusCase("event: string", Data(#""GET /api/v1/health""#.utf8), .lambdaError("UnsupportedEvent")),
            CorpusCase("event: number", Data("42".utf8), .lambdaError("UnsupportedEvent")),
            CorpusCase("event: empty object", Data("{}".utf8), .lambdaError("UnsupportedEvent")),
            CorpusCase("event: S3 notification",
                       Data(#"{"Records":[{"eventSource":"aws:s3","s3":{"bucket":{"name":"b"},"object":{"key":"k"}}}]}"#.utf8),
                       .lambdaError("UnsupportedEvent")),
            CorpusCase("event: SQS message", Data(#"{"Records":[{"messageId":"1","body":"{}","eventSource":"aws:sqs"}]}"#.utf8),
                       .lambdaError("UnsupportedEvent")),
            CorpusCase("event: truncated JSON", Data(health.prefix(health.count / 2).utf8), .lambdaError("MalformedEvent")),
            CorpusCase("event: invalid UTF-8 bytes", Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]), .lambdaError("MalformedEvent")),
            CorpusCase("event: v2 without requestContext.http",
                       Data(#"{"version":"2.0","rawPath":"/api/v1/health","requestContext":{"requestId":"x"}}"#.utf8),
                       .lambdaError("MalformedEvent")),
            CorpusCase("event: v2 rawPath is a number",
                       Data(#"{"version":"2.0","rawPath":7,"requestContext":{"http":{"method":"GET"}}}"#.utf8),
                       .lambdaError("MalformedEvent")),
            CorpusCase("event: v2 headers is an array",
                       Data(health.replacingOccurrences(of: #""headers":{}"#, with: #""headers":["a","b"]"#).utf8),
                       .lambdaError("MalformedEvent")),
            CorpusCase("event: v2 body is an object", Events.http("POST", chat, rawBody: #"{"message":"hi"}"#),
                       .lambdaError("MalformedEvent")),
            CorpusCase("event: isBase64Encoded is a string",
                       Data(health.replacingOccurrences(of: #""isBase64Encoded":false"#, with: #""isBase64Encoded":"yes""#).utf8),
                       .lambdaError("MalformedEvent")),
            CorpusCase("event: v1 httpMethod is a number", Data(#"{"httpMethod":1,"path":"/api/v1/health"}"#.utf8),
                       .lambdaError("MalformedEvent")),
            CorpusCase("event: v1 without path", Data(#"{"httpMethod":"GET","headers":{}}"#.utf8), .lambdaError("MalformedEvent")),
            CorpusCase("event: lone surrogate in a header name",
                       Data(health.replacingOccurrences(of: #""headers":{}"#, with: #""headers":{"x-\udc80":"v"}"#).utf8),
                       .lambdaError("MalformedEvent")),
            CorpusCase("event: 100,000 nested arrays in an unknown member",
                       Data((String(health.dropLast()) + #","extra":\#(nested(100_000))}"#).utf8), .lambdaError("MalformedEvent")),
        ]
    }

    /// Step Functions task payloads missing fields or breaking the contract.
    static var stepFunctions: [CorpusCase] {
        let valid = #""source":"orchestrated","user_id":"alice","tenant_id":"tenant-a","message":"Where should we focus?""#
        return [
            CorpusCase("task: no tenant_id", Events.task(#""source":"orchestrated","user_id":"alice","message":"hi""#),
                       .lambdaError("ValidationFailed")),
            CorpusCase("task: no message", Events.task(#""source":"orchestrated","user_id":"alice","tenant_id":"tenant-a""#),
                       .lambdaError("ValidationFailed")),
            CorpusCase("task: no source", Events.task(#""user_id":"alice","tenant_id":"tenant-a","message":"hi""#),
                       .lambdaError("ValidationFailed")),
            CorpusCase("task: only user and source", Events.task(#""source":"orchestrated","user_id":"alice""#),
                       .lambdaError("ValidationFailed")),
            CorpusCase("task: source direct", Events.task(message: "hi", source: "direct"), .lambdaError("ValidationFailed")),
            CorpusCase("task: message is a number", Events.task(valid.replacingOccurrences(of: #""Where should we focus?""#, with: "7")),
                       .lambdaError("ValidationFailed")),
            CorpusCase("task: blank message", Events.task(message: " \n\t "), .lambdaError("ValidationFailed")),
            CorpusCase("task: message of 4,001 characters", Events.task(message: String(repeating: "m", count: 4_001)),
                       .lambdaError("ValidationFailed")),
            CorpusCase("task: user_id with a path traversal", Events.task(message: "hi", user: "../../bob"), .lambdaError("ValidationFailed")),
            CorpusCase("task: tenant_id with unicode", Events.task(message: "hi", tenant: "tenant-\u{0430}"), .lambdaError("ValidationFailed")),
            CorpusCase("task: business_context is a string", Events.task(message: "hi", businessContext: #""{}""#),
                       .lambdaError("ValidationFailed")),
            CorpusCase("task: business_context of another tenant",
                       Events.task(message: "hi", businessContext: #"{"tenant":{"id":"tenant-b","company":"Other"}}"#),
                       .lambdaError("ValidationFailed")),
            CorpusCase("task: business_context nested 64 deep",
                       Events.task(message: "hi", businessContext: #"{"goals":\#(nested(64))}"#), .lambdaError("ValidationFailed")),
            CorpusCase("task: business_context over 256 KiB",
                       Events.task(message: "hi", businessContext: #"{"data_scope":"x","notes":[\#(Array(repeating: Events.quoted(String(repeating: "n", count: 100_000)), count: 3).joined(separator: ","))]}"#),
                       .lambdaError("ValidationFailed")),
            CorpusCase("task: idempotency_key with a space", Events.task(message: "hi", idempotencyKey: "exec 1#State"),
                       .lambdaError("ValidationFailed")),
            CorpusCase("task: error_info is a list", Events.task(#""source":"orchestrated_fallback","user_id":"alice","tenant_id":"tenant-a","message":"hi","error_info":[1]"#),
                       .lambdaError("ValidationFailed")),
            CorpusCase("task: unknown conversation", Events.task(message: "hi", conversationID: "no-such-conversation"),
                       .lambdaError("ConversationNotFound")),
            CorpusCase("task: unknown conversation id of 128 characters", Events.task(message: "hi", conversationID: longID(128)),
                       .lambdaError("ConversationNotFound")),
        ]
    }

    /// Authorizer calls with forged or missing credentials: denied, not errors.
    static var authorizer: [CorpusCase] {
        [
            CorpusCase("authorizer: no identity source", Events.authorizer(nil), .authorizer(allowed: false)),
            CorpusCase("authorizer: Basic scheme", Events.authorizer("Basic YWxpY2U6c2VjcmV0"), .authorizer(allowed: false)),
            CorpusCase("authorizer: alg none", Events.authorizer("Bearer " + Tokens.attack("alg none")), .authorizer(allowed: false)),
            CorpusCase("authorizer: expired token",
                       Events.authorizer("Bearer " + Tokens.signer.sign(claimsJSON: Tokens.claims(exp: Tokens.now - 300))),
                       .authorizer(allowed: false)),
            CorpusCase("authorizer: garbage token", Events.authorizer("Bearer \u{0}\u{1}garbage"), .authorizer(allowed: false)),
        ]
    }
}
