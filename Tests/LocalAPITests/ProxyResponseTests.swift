import CurlHTTP
import Foundation
@testable import LocalAPI
import LocalRuntime
import Testing

/// The function's output becomes the HTTP answer API Gateway would send.
@Suite struct ProxyResponseTests {
    @Test func copiesStatusHeadersCookiesAndTextBodies() throws {
        let response = try ProxyResponse.httpResponse(from: Data(#"""
            {"statusCode":201,"headers":{"content-type":"application/json","x-a":"1"},"multiValueHeaders":{"x-b":["2","3"],"x-a":["ignored"]},
             "cookies":["s=1; HttpOnly"],"body":"{\"ok\":true}","isBase64Encoded":false}
            """#.utf8))
        #expect(response.status == 201)
        #expect(response.headers["x-a"] == "1")
        #expect(response.headers.values(for: "x-b") == ["2", "3"])
        #expect(response.headers["set-cookie"] == "s=1; HttpOnly")
        #expect(response.body == Data(#"{"ok":true}"#.utf8))
    }

    @Test func decodesBase64Bodies() throws {
        let response = try ProxyResponse.httpResponse(from: Data(#"{"statusCode":200,"body":"//4A","isBase64Encoded":true}"#.utf8))
        #expect(response.body == Data([0xFF, 0xFE, 0x00]))
    }

    @Test func treatsOutputWithoutAStatusAsAJSONBody() throws {
        let output = Data(#"{"message":"hi"}"#.utf8)
        let response = try ProxyResponse.httpResponse(from: output)
        #expect(response.status == 200)
        #expect(response.body == output)
        #expect(response.headers["content-type"] == "application/json")
    }

    @Test(arguments: [
        (#"[1,2]"#, ProxyResponse.Failure.notAnObject),
        (#"{"statusCode":"200"}"#, .notAnObject),
        (#"{"statusCode":42}"#, .invalidStatus(42)),
        (#"{"statusCode":200,"body":"***","isBase64Encoded":true}"#, .invalidBase64),
    ])
    func refusesOutputThatIsNoProxyResponse(output: String, failure: ProxyResponse.Failure) {
        #expect(throws: failure) { try ProxyResponse.httpResponse(from: Data(output.utf8)) }
    }
}
