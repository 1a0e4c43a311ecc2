import CurlHTTP
import Foundation
import LocalRuntime
import Testing
import TestSupport

@Suite struct LocalHTTPServerTests {
    private func echoServer(maxBodyBytes: Int = 1024, maxHeaderBytes: Int = 4096) throws -> LocalHTTPServer {
        let server = LocalHTTPServer(configuration: .init(maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes)) { request in
            ServerResponse(status: 200, headers: ["X-Method": request.method, "X-Path": request.path, "X-Query": request.query], body: request.body)
        }
        try server.start()
        return server
    }

    @Test func parsesContentLengthBodiesAndPipelinedRequests() throws {
        let server = try echoServer()
        defer { server.stop() }
        let reply = RawHTTP.exchange(port: server.port,
            "POST /a?x=1 HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello"
            + "GET /b HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        let responses = reply.components(separatedBy: "HTTP/1.1 200 OK")
        #expect(responses.count == 3)
        #expect(responses[1].contains("X-Method: POST"))
        #expect(responses[1].contains("X-Path: /a"))
        #expect(responses[1].contains("X-Query: x=1"))
        #expect(responses[1].hasSuffix("hello"))
        #expect(responses[2].contains("X-Path: /b"))
        #expect(responses[2].contains("Connection: close"))
    }

    @Test func decodesChunkedBodies() throws {
        let server = try echoServer()
        defer { server.stop() }
        let reply = RawHTTP.exchange(port: server.port,
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 200 OK"))
        #expect(reply.hasSuffix("hello world"))
    }

    @Test func refusesOversizedBodiesWith413() throws {
        let server = try echoServer(maxBodyBytes: 10)
        defer { server.stop() }
        let reply = RawHTTP.exchange(port: server.port, "POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n01234567890")
        #expect(reply.hasPrefix("HTTP/1.1 413 "))
    }

    @Test func refusesOversizedHeadsWith431() throws {
        let server = try echoServer(maxHeaderBytes: 100)
        defer { server.stop() }
        let reply = RawHTTP.exchange(port: server.port, "GET / HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 500))\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 431 "))
    }

    @Test(arguments: [
        "GARBAGE\r\n\r\n",
        "GET nopath HTTP/1.1\r\n\r\n",
        "GET / SPDY/3\r\n\r\n",
        "GET / HTTP/1.1\r\nno-colon-here\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: -4\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
    ])
    func rejectsMalformedRequests(raw: String) throws {
        let server = try echoServer()
        defer { server.stop() }
        let reply = RawHTTP.exchange(port: server.port, raw)
        #expect(reply.hasPrefix("HTTP/1.1 400 ") || reply.hasPrefix("HTTP/1.1 501 "))
        #expect(reply.contains("Connection: close"))
    }

    @Test func http10ClosesAfterTheResponse() throws {
        let server = try echoServer()
        defer { server.stop() }
        let reply = RawHTTP.exchange(port: server.port, "GET /old HTTP/1.0\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 200 OK"))
        #expect(reply.contains("Connection: close"))
    }

    @Test func servesIPv6Loopback() throws {
        let server = LocalHTTPServer(configuration: .init(host: "::1")) { _ in ServerResponse(status: 204) }
        let port = try server.start()
        defer { server.stop() }
        let response = try CurlHTTPClient().perform(HTTPRequest(url: "http://[::1]:\(port)/"))
        #expect(response.status == 204)
    }

    @Test func stopClosesIdleKeepAliveConnections() throws {
        let server = try echoServer()
        let client = try CurlHTTPClient()
        _ = try client.perform(HTTPRequest(url: "http://127.0.0.1:\(server.port)/"))
        server.stop()
        #expect(throws: HTTPClientError.self) {
            _ = try client.perform(HTTPRequest(url: "http://127.0.0.1:\(server.port)/", connectTimeoutMilliseconds: 200))
        }
    }

    @Test func invalidListenAddressIsATypedError() {
        #expect(throws: SocketError.invalidAddress("not-an-ip")) {
            try LocalHTTPServer(configuration: .init(host: "not-an-ip")) { _ in ServerResponse(status: 200) }.start()
        }
    }
}
