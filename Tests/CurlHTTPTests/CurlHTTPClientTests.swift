import CurlHTTP
import Foundation
import HTTPTypes
import LocalRuntime
import Synchronization
import Testing

/// The libcurl client against a real HTTP server on loopback.
@Suite struct CurlHTTPClientTests {
    /// Starts a server answering with `handler`; returns it and its base URL.
    private func server(_ handler: @escaping LocalHTTPServer.Handler) throws -> (LocalHTTPServer, String) {
        let server = LocalHTTPServer(handler: handler)
        let port = try server.start()
        return (server, "http://127.0.0.1:\(port)")
    }

    @Test func getReturnsStatusHeadersAndBody() throws {
        let (server, base) = try server { request in
            ServerResponse(status: 200, headers: ["X-Echo-Path": request.target, "X-Multi": "a"], body: Data("hello".utf8))
        }
        defer { server.stop() }
        let response = try CurlHTTPClient().perform(HTTPRequest(url: base + "/a/b?c=d"))
        #expect(response.status == 200)
        #expect(response.isSuccess)
        #expect(response.headers["x-echo-path"] == "/a/b?c=d")
        #expect(response.headers["X-ECHO-PATH"] == "/a/b?c=d")
        #expect(String(decoding: response.body, as: UTF8.self) == "hello")
    }

    @Test func postSendsBodyHeadersAndNoExpectContinue() throws {
        let seen = Mutex<ServerRequest?>(nil)
        let (server, base) = try server { request in
            seen.withLock { $0 = request }
            return ServerResponse(status: 201, body: request.body)
        }
        defer { server.stop() }
        // 2 MB: curl 7.88 would send `Expect: 100-continue` above 1 MB.
        let body = Data(repeating: UInt8(ascii: "x"), count: 2 * 1024 * 1024)
        let response = try CurlHTTPClient().perform(HTTPRequest(
            method: .post, url: base + "/upload", headers: ["Content-Type": "application/json", "X-Token": "t"], body: body
        ))
        #expect(response.status == 201)
        #expect(response.body == body)
        let request = try #require(seen.withLock { $0 })
        #expect(request.method == "POST")
        #expect(request.headers["expect"] == nil)
        #expect(request.headers["x-token"] == "t")
        #expect(request.headers["content-length"] == String(body.count))
    }

    @Test(arguments: [HTTPMethod.put, .patch, .delete])
    func customMethodsAreSent(method: HTTPMethod) throws {
        let (server, base) = try server { request in ServerResponse(status: 200, body: Data(request.method.utf8)) }
        defer { server.stop() }
        let response = try CurlHTTPClient().perform(HTTPRequest(method: method, url: base + "/", body: Data("{}".utf8)))
        #expect(String(decoding: response.body, as: UTF8.self) == method.rawValue)
    }

    @Test func errorStatusesAreResponsesNotErrors() throws {
        let (server, base) = try server { _ in ServerResponse(status: 503, body: Data("busy".utf8)) }
        defer { server.stop() }
        let response = try CurlHTTPClient().perform(HTTPRequest(url: base + "/"))
        #expect(response.status == 503)
        #expect(!response.isSuccess)
    }

    @Test func keepsTheConnectionAliveAcrossRequests() throws {
        let (server, base) = try server { _ in ServerResponse(status: 200) }
        defer { server.stop() }
        let client = try CurlHTTPClient()
        for _ in 0..<20 { _ = try client.perform(HTTPRequest(url: base + "/")) }
        #expect(server.acceptedConnections == 1)
    }

    @Test func connectionRefusedIsCouldNotConnect() throws {
        let (server, base) = try server { _ in ServerResponse(status: 200) }
        server.stop()
        #expect(throws: HTTPClientError.couldNotConnect) {
            _ = try CurlHTTPClient().perform(HTTPRequest(url: base + "/", connectTimeoutMilliseconds: 500))
        }
    }

    @Test func slowAnswerTimesOut() throws {
        let (server, base) = try server { _ in
            usleep(1_000_000)
            return ServerResponse(status: 200)
        }
        defer { server.stop() }
        #expect(throws: HTTPClientError.timedOut) {
            _ = try CurlHTTPClient().perform(HTTPRequest(url: base + "/", timeoutMilliseconds: 100))
        }
    }

    @Test func droppedConnectionIsConnectionLost() throws {
        let (server, base) = try server { _ in .drop }
        defer { server.stop() }
        #expect(throws: HTTPClientError.connectionLost) {
            _ = try CurlHTTPClient().perform(HTTPRequest(url: base + "/"))
        }
    }

    @Test func oversizedResponseIsRefused() throws {
        let (server, base) = try server { _ in ServerResponse(status: 200, body: Data(count: 10_000)) }
        defer { server.stop() }
        #expect(throws: HTTPClientError.responseTooLarge(limit: 1_000)) {
            _ = try CurlHTTPClient().perform(HTTPRequest(url: base + "/", maxResponseBytes: 1_000))
        }
    }

    @Test func protocolsOtherThanHTTPAreRefused() throws {
        for url in ["gopher://nowhere", "file:///etc/passwd", "ftp://example.com/"] {
            #expect(throws: HTTPClientError.invalidRequest("unsupported URL")) {
                _ = try CurlHTTPClient().perform(HTTPRequest(url: url))
            }
        }
        let error = try #require(throws: HTTPClientError.self) {
            _ = try CurlHTTPClient().perform(HTTPRequest(url: "gopher://nowhere"))
        }
        #expect(!error.isRetryable)
    }

    @Test func headersLookupIsCaseInsensitiveAndOrdered() {
        var headers: HTTPHeaders = ["Content-Type": "a"]
        headers.add(name: "x-multi", value: "1")
        headers.add(name: "X-Multi", value: "2")
        #expect(headers["content-type"] == "a")
        #expect(headers.values(for: "X-MULTI") == ["1", "2"])
        headers.replaceOrAdd(name: "x-multi", value: "3")
        #expect(headers.values(for: "x-multi") == ["3"])
        headers.remove(name: "CONTENT-TYPE")
        #expect(headers["content-type"] == nil)
        #expect(headers.count == 1)
    }

    @Test func sendsItsUserAgentUnlessTheRequestHasOne() throws {
        let agents = Mutex<[String?]>([])
        let (server, base) = try server { request in
            agents.withLock { $0.append(request.headers["user-agent"]) }
            return ServerResponse(status: 204)
        }
        defer { server.stop() }
        let client = try CurlHTTPClient(userAgent: "bench-agent/2")
        _ = try client.perform(HTTPRequest(url: base + "/"))
        _ = try client.perform(HTTPRequest(method: .post, url: base + "/", headers: ["User-Agent": "caller/1"], body: Data("x".utf8)))
        #expect(agents.withLock { $0 } == ["bench-agent/2", "caller/1"])
    }

    @Test func responseHeadersCanBeSkipped() throws {
        let (server, base) = try server { _ in
            ServerResponse(status: 202, headers: ["X-Skipped": "yes"], body: Data("ok".utf8))
        }
        defer { server.stop() }
        let client = try CurlHTTPClient()
        let skipped = try client.perform(HTTPRequest(url: base + "/", collectsResponseHeaders: false))
        #expect(skipped.status == 202)
        #expect(skipped.body == Data("ok".utf8))
        #expect(skipped.headers.isEmpty)
        let collected = try client.perform(HTTPRequest(url: base + "/"))
        #expect(collected.headers["x-skipped"] == "yes")
    }

    @Test func headerValuesAreTrimmedAndNamesKeptAsSent() throws {
        let (server, base) = try server { _ in
            ServerResponse(status: 200, headers: ["X-Padded": " \t value with inner space \t "])
        }
        defer { server.stop() }
        let response = try CurlHTTPClient().perform(HTTPRequest(url: base + "/"))
        #expect(response.headers["x-padded"] == "value with inner space")
        #expect(response.headers.contains { $0.name == "X-Padded" })
    }

    @Test func caseInsensitiveComparisonFoldsLettersOnly() {
        #expect("Lambda-Runtime-Aws-Request-Id".equalsIgnoringASCIICase("lambda-runtime-aws-request-id"))
        #expect(!"a@".equalsIgnoringASCIICase("a`"))  // 0x40 and 0x60 differ only in the case bit
        #expect(!"[".equalsIgnoringASCIICase("{"))
        #expect(!"abc".equalsIgnoringASCIICase("abcd"))
        #expect("Straße".equalsIgnoringASCIICase("STRAßE"))
        #expect(!"é".equalsIgnoringASCIICase("É"))
        #expect("".equalsIgnoringASCIICase(""))
    }

    @Test func httpWhitespaceTrimming() {
        #expect(" \t\r\nvalue\r\n".trimmingHTTPWhitespace() == "value")
        #expect("value".trimmingHTTPWhitespace() == "value")
        #expect("  ".trimmingHTTPWhitespace() == "")
        #expect("\u{A0}x\u{A0}".trimmingHTTPWhitespace() == "\u{A0}x\u{A0}")
    }
}
