import LocalRuntime
import Testing
import TestSupport

/// Sizes a client states (chunk sizes, lengths) never reach arithmetic that can trap.
@Suite struct HTTPParserArithmeticTests {
    private func echoServer() throws -> LocalHTTPServer {
        let server = LocalHTTPServer(configuration: .init(maxBodyBytes: 1024)) { request in
            ServerResponse(status: 200, body: request.body)
        }
        try server.start()
        return server
    }

    @Test(arguments: ["7fffffffffffffff", "ffffffffffffffff", "8000000000000000", "7ffffffffffffffe"])
    func hugeChunkSizesAre413AndTheServerKeepsServing(size: String) throws {
        let server = try echoServer()
        defer { server.stop() }
        let reply = RawHTTP.exchange(port: server.port,
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n\(size)\r\nb\r\n0\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 413 "))
        let first = RawHTTP.exchange(port: server.port,
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n\(size)\r\nb\r\n0\r\n\r\n")
        #expect(first.hasPrefix("HTTP/1.1 413 "))
        let after = RawHTTP.exchange(port: server.port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
        #expect(after.hasPrefix("HTTP/1.1 200 "))
    }

    @Test(arguments: ["+5", "-0", " 5", "0x5", "5 5"])
    func chunkSizesAreHexDigitsOnly(size: String) throws {
        let server = try echoServer()
        defer { server.stop() }
        let reply = RawHTTP.exchange(port: server.port,
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n\(size)\r\nhello\r\n0\r\n\r\n")
        #expect(!reply.hasPrefix("HTTP/1.1 200 "))
    }

    @Test func contentLengthBeyondIntIsRefused() throws {
        let server = try echoServer()
        defer { server.stop() }
        let reply = RawHTTP.exchange(port: server.port, "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 400 ") || reply.hasPrefix("HTTP/1.1 413 "))
    }
}
