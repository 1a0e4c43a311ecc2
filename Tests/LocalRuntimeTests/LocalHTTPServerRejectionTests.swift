import CurlHTTP
import Foundation
import LocalRuntime
import Testing
import TestSupport

/// What the server answers before its handler runs: a configurable body for
/// refused requests, and `100 Continue` for clients that wait for it.
@Suite struct LocalHTTPServerRejectionTests {
    @Test func answersRefusalsWithTheConfiguredResponse() throws {
        let server = LocalHTTPServer(configuration: .init(maxBodyBytes: 10, rejection: { status, reason in
            ServerResponse.json(status, #"{"refused":"\#(reason)"}"#)
        })) { _ in ServerResponse(status: 200) }
        try server.start()
        defer { server.stop() }
        let reply = RawHTTP.exchange(port: server.port, "POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n01234567890")
        #expect(reply.hasPrefix("HTTP/1.1 413 "))
        #expect(reply.hasSuffix(#"{"refused":"request body too large"}"#))
        #expect(reply.contains("Connection: close"))
    }

    @Test func sendsContinueToClientsThatExpectIt() throws {
        let server = LocalHTTPServer { request in ServerResponse(status: 200, body: request.body) }
        try server.start()
        defer { server.stop() }
        let reply = RawHTTP.exchange(port: server.port,
            "POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
        #expect(reply.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK"))
        #expect(reply.hasSuffix("hello"))
        // curl waits about a second for `100 Continue` before sending a large body anyway.
        let body = Data(repeating: 0x61, count: 2 * 1024 * 1024)
        let started = Date()
        let response = try CurlHTTPClient().perform(HTTPRequest(method: .post, url: "http://127.0.0.1:\(server.port)/", body: body))
        #expect(response.body == body)
        #expect(Date().timeIntervalSince(started) < 0.9)
    }
}
