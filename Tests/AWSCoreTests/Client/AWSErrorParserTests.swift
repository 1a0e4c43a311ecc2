import AWSCore
import CurlHTTP
import Foundation
import HTTPTypes
import Testing

@Suite("Error parsing: JSON, header and XML forms")
struct AWSErrorParserTests {
    private func response(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    }

    @Test("JSON __type: the part after '#', lower-case message")
    func jsonType() {
        let error = AWSErrorParser.parse(response(400, #"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#, headers: ["x-amzn-RequestId": "REQ1"]))
        #expect(error.code == "ResourceNotFoundException")
        #expect(error.message == "Requested resource not found")
        #expect(error.requestID == "REQ1")
        #expect(error.statusCode == 400)
    }

    @Test("JSON with capitalised Message")
    func upperMessage() {
        let error = AWSErrorParser.parse(response(400, #"{"__type":"com.amazon.coral.validate#ValidationException","Message":"One or more parameter values were invalid"}"#))
        #expect(error.code == "ValidationException")
        #expect(error.message == "One or more parameter values were invalid")
    }

    @Test("x-amzn-ErrorType header wins, suffix after ':' dropped (REST-JSON, Bedrock)")
    func errorTypeHeader() {
        let error = AWSErrorParser.parse(response(429, #"{"message":"Too many tokens"}"#, headers: ["x-amzn-ErrorType": "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/"]))
        #expect(error.code == "ThrottlingException")
        #expect(error.message == "Too many tokens")
    }

    /// Issue 20: a body code with a `:http://…` suffix was kept whole, so it
    /// matched no retryable code (throttling tried once instead of three times).
    @Test("__type and code with a ':…' suffix are cut there, then after '#', as botocore does", arguments: [
        #"{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/","message":"Rate exceeded"}"#,
        #"{"__type":"ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/","message":"Rate exceeded"}"#,
        #"{"code":"ThrottlingException:http://internal.amazon.com/coral/","message":"Rate exceeded"}"#,
        #"{"Code":"com.amazon.coral#ThrottlingException:http://internal.amazon.com/","message":"Rate exceeded"}"#,
    ])
    func bodyCodeSuffix(body: String) {
        let error = AWSErrorParser.parse(response(400, body))
        #expect(error.code == "ThrottlingException")
        #expect(error.message == "Rate exceeded")
    }

    @Test("XML bodies (moto's auth errors, the Query protocol)")
    func xmlBody() {
        let body = #"<?xml version="1.0" encoding="utf-8"?><ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match &amp; so on</Message><Type>Sender</Type></Error></Errors><RequestId>XMLREQ</RequestId></ErrorResponse>"#
        let error = AWSErrorParser.parse(response(403, body))
        #expect(error.code == "SignatureDoesNotMatch")
        #expect(error.message == "The request signature we calculated does not match & so on")
        #expect(error.requestID == "XMLREQ")
        #expect(error.isAuthenticationFailure)
    }

    @Test("neither JSON nor XML: the status names the error")
    func opaqueBody() {
        let error = AWSErrorParser.parse(response(502, "Bad Gateway"))
        #expect(error.code == "HTTP502")
        #expect(error.message.isEmpty)
        #expect(AWSErrorParser.parse(response(500, "")).code == "HTTP500")
    }

    @Test("secrets echoed by a server are redacted; long messages are capped")
    func redaction() {
        let credentials = AWSCredentials(accessKeyID: "AKIA", secretAccessKey: "super-secret-key", sessionToken: "session-token-xyz")
        let error = AWSErrorParser.parse(response(400, #"{"__type":"X","message":"bad super-secret-key session-token-xyz"}"#), credentials: credentials)
        #expect(error.message == "bad <redacted> <redacted>")
        let long = AWSErrorParser.parse(response(400, #"{"__type":"X","message":"\#(String(repeating: "a", count: 5_000))"}"#))
        #expect(long.message.count <= AWSErrorParser.maxMessageLength + 1)
        #expect(!AWSError.service(error).description.contains("super-secret-key"))
    }

    @Test("x-amz-retry-after is read in milliseconds; garbage is ignored")
    func retryAfter() {
        #expect(AWSErrorParser.parse(response(400, "{}", headers: ["x-amz-retry-after": "1500"])).retryAfterMilliseconds == 1_500)
        #expect(AWSErrorParser.parse(response(400, "{}", headers: ["x-amz-retry-after": "soon"])).retryAfterMilliseconds == nil)
    }

    @Test("auth and access-denied kinds")
    func kinds() {
        #expect(AWSServiceError(code: "UnrecognizedClientException", message: "", statusCode: 400).isAuthenticationFailure)
        #expect(AWSServiceError(code: "InvalidSignatureException", message: "", statusCode: 400).isAuthenticationFailure)
        #expect(AWSServiceError(code: "AccessDeniedException", message: "", statusCode: 400).isAccessDenied)
        #expect(!AWSServiceError(code: "ValidationException", message: "", statusCode: 400).isAuthenticationFailure)
    }
}
