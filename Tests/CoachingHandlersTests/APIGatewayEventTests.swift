@testable import CoachingHandlers
import Foundation
import LambdaRuntime
import Testing
import TestSupport

/// Decoding of the three HTTP event shapes and the answers they get.
@Suite struct APIGatewayEventTests {
    private struct ProxyResponse: Decodable {
        var statusCode: Int
        var headers: [String: String]
        var body: String
        var isBase64Encoded: Bool
        enum CodingKeys: String, CodingKey { case statusCode, headers, body, isBase64Encoded }
    }

    private struct Envelope: Decodable {
        var success: Bool
        var errorCode: String?
        var requestID: String?
        enum CodingKeys: String, CodingKey {
            case success, errorCode = "error_code", requestID = "request_id"
        }
    }

    private let handler = TestAPI().handler

    private func invoke(_ json: String) throws -> ProxyResponse {
        let context = LambdaContext(requestID: "lambda-req", deadlineMilliseconds: Int64.max,
                                    logger: Logger(service: "t", sink: CapturingLogSink()))
        let output = try handler.handle(Data(json.utf8), context: context)
        return try JSONDecoder().decode(ProxyResponse.self, from: output)
    }

    private func v2(method: String = "GET", path: String, stage: String = "$default", body: String? = nil, base64: Bool = false) -> String {
        let bodyJSON = body.map { "\"\($0)\"" } ?? "null"
        return """
        {"version":"2.0","routeKey":"$default","rawPath":"\(path)","rawQueryString":"","headers":{"Accept":"application/json"},
         "requestContext":{"requestId":"apigw-1","stage":"\(stage)","http":{"method":"\(method)","path":"\(path)","sourceIp":"203.0.113.9"}},
         "body":\(bodyJSON),"isBase64Encoded":\(base64)}
        """
    }

    @Test func healthAnswersOverHTTPAPIv2() throws {
        let response = try invoke(v2(path: "/api/v1/health"))
        #expect(response.statusCode == 200)
        #expect(response.headers["content-type"] == "application/json")
        #expect(!response.isBase64Encoded)
        #expect(response.body == #"{"data":{"service":"coaching","status":"healthy","version":"\#(CoachingAPI.version)"},"success":true}"#)
    }

    @Test func healthAnswersOverRESTv1() throws {
        let response = try invoke("""
        {"resource":"/api/v1/health","path":"/api/v1/health","httpMethod":"GET","headers":{"Host":"x"},
         "multiValueHeaders":{"Host":["x"]},"queryStringParameters":null,"pathParameters":null,"body":null,
         "isBase64Encoded":false,"requestContext":{"requestId":"rest-1","stage":"prod","identity":{"sourceIp":"1.2.3.4"}}}
        """)
        #expect(response.statusCode == 200)
    }

    @Test func namedStagesAreStrippedFromTheRawPath() throws {
        #expect(try invoke(v2(path: "/prod/api/v1/health", stage: "prod")).statusCode == 200)
    }

    @Test func unknownRoutesAre404WithTheEnvelope() throws {
        let response = try invoke(v2(path: "/api/v1/nothing-here"))
        #expect(response.statusCode == 404)
        let envelope = try JSONDecoder().decode(Envelope.self, from: Data(response.body.utf8))
        #expect(envelope.success == false)
        #expect(envelope.errorCode == "ROUTE_NOT_FOUND")
        #expect(envelope.requestID == "apigw-1")
    }

    @Test func wrongMethodsAre405WithAllow() throws {
        let response = try invoke(v2(method: "DELETE", path: "/api/v1/health"))
        #expect(response.statusCode == 405)
        #expect(response.headers["allow"] == "GET")
    }

    @Test func invalidBase64BodiesAre400() throws {
        let response = try invoke(v2(method: "POST", path: "/api/v1/health", body: "%%%not-base64", base64: true))
        #expect(response.statusCode == 400)
        let envelope = try JSONDecoder().decode(Envelope.self, from: Data(response.body.utf8))
        #expect(envelope.errorCode == "MALFORMED_BODY")
        #expect(envelope.requestID == "lambda-req")
    }

    @Test(arguments: ["not json", "[1,2]", "", "   "])
    func nonJSONEventsAreUnsupported(event: String) {
        #expect(throws: EventError.unsupportedEvent) { try invoke(event) }
    }

    @Test func unknownShapesAreUnsupported() {
        #expect(throws: EventError.unsupportedEvent) { try invoke(#"{"hello":"world"}"#) }
    }

    @Test func brokenAPIGatewayEventsAreMalformed() {
        // Looks like HTTP API 2.0 but requestContext.http is missing.
        #expect(throws: EventError.malformedEvent) {
            try invoke(#"{"version":"2.0","rawPath":"/api/v1/health","requestContext":{"requestId":"x"}}"#)
        }
        #expect(throws: EventError.malformedEvent) { try invoke(#"{"httpMethod":5,"path":"/"}"#) }
    }

    @Test func authorizerClaimsAreCollectedFromEveryShape() throws {
        let jwt = try JSONDecoder().decode(APIGatewayV2Request.self, from: Data("""
        {"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"},
         "authorizer":{"jwt":{"claims":{"sub":"u1","tenant_id":"t1","exp":1700000000,"admin":true,"groups":["a"]}}}}}
        """.utf8))
        let request = try APIRequest(jwt, fallbackRequestID: "f")
        #expect(request.authorizerClaims == ["sub": "u1", "tenant_id": "t1", "exp": "1700000000", "admin": "true"])
        #expect(request.requestID == "f")

        let lambda = try JSONDecoder().decode(APIGatewayV2Request.self, from: Data("""
        {"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"get"},"authorizer":{"lambda":{"user_id":"u2","tenant_id":"t2"}}}}
        """.utf8))
        let lambdaRequest = try APIRequest(lambda, fallbackRequestID: "f")
        #expect(lambdaRequest.authorizerClaims == ["user_id": "u2", "tenant_id": "t2"])
        #expect(lambdaRequest.method == "GET")

        let rest = try JSONDecoder().decode(APIGatewayV1Request.self, from: Data("""
        {"path":"/","httpMethod":"GET","headers":{"X-Up":"1"},"multiValueHeaders":{"X-Multi":["a","b"]},
         "requestContext":{"authorizer":{"claims":{"sub":"u3","custom:tenant_id":"t3"},"principalId":"p","integrationLatency":12}}}
        """.utf8))
        let restRequest = try APIRequest(rest, fallbackRequestID: "f")
        #expect(restRequest.authorizerClaims == ["sub": "u3", "custom:tenant_id": "t3", "principalId": "p", "integrationLatency": "12"])
        #expect(restRequest.headers == ["x-up": "1", "x-multi": "a"])
    }

    @Test func base64BodiesAreDecoded() throws {
        let event = try JSONDecoder().decode(APIGatewayV2Request.self, from: Data(v2(method: "POST", path: "/x", body: "eyJhIjoxfQ==", base64: true).utf8))
        #expect(try APIRequest(event, fallbackRequestID: "f").body == Data(#"{"a":1}"#.utf8))
    }
}
