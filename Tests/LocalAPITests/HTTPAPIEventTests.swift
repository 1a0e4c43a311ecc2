@testable import CoachingHandlers
import CurlHTTP
import Foundation
@testable import LocalAPI
import LocalRuntime
import Testing

/// The event built for each request is what API Gateway sends (payload
/// format 2.0), read back with the handler's own decoder.
@Suite struct HTTPAPIEventTests {
    private func roundTrip(_ request: ServerRequest) throws -> APIGatewayV2Request {
        let event = HTTPAPIEvent(request, requestID: "req-1", epochMilliseconds: 1_795_302_881_000)
        return try JSONDecoder().decode(APIGatewayV2Request.self, from: try APIGatewayEmulator.encoder.encode(event))
    }

    @Test func carriesPathQueryHeadersAndCookiesAsAPIGatewayDoes() throws {
        let request = ServerRequest(
            method: "post", target: "/api/v1/conversations/a%3Ab/message?status=active&topic=core%5Fvalues&x=1&x=2&q=a+b&flag",
            headers: ["Host": "localhost:3000", "X-Multi": "one", "x-multi": "two", "Cookie": "a=1; b=2", "User-Agent": "curl/8"],
            body: Data(#"{"user_message":"héllo"}"#.utf8), remoteAddress: "127.0.0.1"
        )
        let event = try roundTrip(request)
        #expect(event.version == "2.0")
        #expect(event.routeKey == "$default")
        #expect(event.rawPath == "/api/v1/conversations/a%3Ab/message")
        #expect(event.rawQueryString == "status=active&topic=core%5Fvalues&x=1&x=2&q=a+b&flag")
        #expect(event.queryStringParameters == ["status": "active", "topic": "core_values", "x": "1,2", "q": "a b", "flag": ""])
        #expect(event.headers == ["host": "localhost:3000", "x-multi": "one,two", "user-agent": "curl/8"])
        #expect(event.cookies == ["a=1", "b=2"])
        #expect(event.body == #"{"user_message":"héllo"}"#)
        #expect(event.isBase64Encoded == false)
        #expect(event.requestContext.requestId == "req-1")
        #expect(event.requestContext.stage == "$default")
        #expect(event.requestContext.http.method == "POST")
        #expect(event.requestContext.http.sourceIp == "127.0.0.1")
        #expect(event.requestContext.http.userAgent == "curl/8")
        #expect(event.requestContext.domainName == "localhost:3000")
    }

    @Test func sendsBinaryBodiesAsBase64AndOmitsEmptyOnes() throws {
        let binary = try roundTrip(ServerRequest(method: "POST", target: "/x", body: Data([0xFF, 0xFE, 0x00, 0x41])))
        #expect(binary.isBase64Encoded == true)
        #expect(binary.body.flatMap { Data(base64Encoded: $0) } == Data([0xFF, 0xFE, 0x00, 0x41]))
        let empty = try roundTrip(ServerRequest(method: "GET", target: "/x"))
        #expect(empty.body == nil)
        #expect(empty.queryStringParameters == nil)
        #expect(empty.cookies == nil)
    }

    @Test func keepsMalformedEscapesAsWritten() {
        #expect(QueryString.parameters("a=%zz&b=%4&c=%e2%82%ac&d=%ff") == ["a": "%zz", "b": "%4", "c": "€", "d": "%ff"])
    }

    @Test func formatsTheRequestTimeLikeAPIGateway() {
        #expect(GatewayTime.format(epochMilliseconds: 1_795_302_881_000) == "21/Nov/2026:23:14:41 +0000")
        #expect(GatewayTime.format(epochMilliseconds: 0) == "01/Jan/1970:00:00:00 +0000")
    }
}
