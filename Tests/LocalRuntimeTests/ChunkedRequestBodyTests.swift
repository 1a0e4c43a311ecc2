import Foundation
import HTTPTypes
import LocalRuntime
import Testing
import TestSupport

/// Chunked request bodies as the server reads them: trailers, chunk
/// timing, and sizes no honest client sends.
@Suite struct ChunkedRequestBodyTests {
    private func serve(maxBodyBytes: Int = 1_000, _ request: String) throws -> (reply: String, received: ServerRequest?) {
        let received = ThreadSafeBox<ServerRequest?>(nil)
        let server = LocalHTTPServer(configuration: .init(maxBodyBytes: maxBodyBytes)) { request in
            received.value = request
            return ServerResponse(status: 200, body: request.body)
        }
        try server.start()
        defer { server.stop() }
        let reply = RawHTTP.exchange(port: server.port, request)
        return (reply, received.value)
    }

    @Test func trailersAndChunkBoundariesReachTheHandler() throws {
        let (reply, request) = try serve(
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5\r\nhello\r\n6;name=value\r\n world\r\n0\r\nX-Error-Type: Function.Broken\r\nX-Other:  spaced \r\n\r\n"
        )
        #expect(reply.hasSuffix("hello world"))
        let received = try #require(request)
        #expect(received.body == Data("hello world".utf8))
        #expect(received.trailers == ["X-Error-Type": "Function.Broken", "X-Other": "spaced"])
        #expect(received.chunks.map(\.offset) == [0, 5])
        #expect(received.chunks.map(\.byteCount) == [5, 6])
    }

    @Test(arguments: [
        "ffffffffffffffff",  // Int.max and beyond: must not overflow when added to the body so far
        "7fffffffffffffff",
        "1000000000000000",  // 16 digits
        "-5",
        "+5",
        "0x5",
        "",
        "5 5",
    ])
    func malformedOrHugeChunkSizesAreRefusedWithoutReadingOn(size: String) throws {
        let (reply, request) = try serve("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n\(size)\r\nabc\r\n0\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 413 "))
        #expect(request == nil)
    }

    @Test func aBodyOverTheLimitAcrossChunksIsRefused() throws {
        let (reply, request) = try serve(maxBodyBytes: 8, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n4\r\nabcd\r\n0\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 413 "))
        #expect(request == nil)
    }

    @Test func endlessTrailersAreRefused() throws {
        let trailers = (0..<100).map { "X-T\($0): v\r\n" }.joined()
        let (reply, request) = try serve("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\(trailers)\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 413 "))
        #expect(request == nil)
    }
}
