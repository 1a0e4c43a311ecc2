import CurlHTTP
import Foundation
import HTTPTypes
import LocalRuntime
import Testing
import TestSupport

/// Chunked uploads pulled from a ``StreamingRequestBody``, with trailers,
/// over real HTTP to the local server.
@Suite struct StreamingUploadTests {
    private final class Pieces: StreamingRequestBody {
        private var remaining: [Data]
        private let trailerFields: HTTPHeaders

        init(_ pieces: [String], trailers: HTTPHeaders) {
            remaining = pieces.map { Data($0.utf8) }
            trailerFields = trailers
        }

        func read(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
            guard !remaining.isEmpty else { return 0 }
            let piece = remaining.removeFirst()
            precondition(piece.count <= buffer.count)
            buffer.copyBytes(from: piece)
            return piece.count
        }

        func trailers() -> HTTPHeaders { trailerFields }
    }

    @Test func everyUploadOnOneClientArrivesWithItsOwnTrailers() throws {
        let received = ThreadSafeBox<[ServerRequest]>([])
        let server = LocalHTTPServer { request in
            received.value.append(request)
            return ServerResponse(status: 202)
        }
        let port = try server.start()
        defer { server.stop() }
        let client = try CurlHTTPClient()
        // With trailers, then without, then with again: libcurl 7.88 corrupts its heap on the
        // second chunked upload of a handle that sent trailers, unless the handle is replaced.
        let uploads: [([String], HTTPHeaders)] = [
            (["one", "two"], ["X-Error-Type": "Function.Broken"]),
            (["three"], [:]),
            (["four", "five", "six"], ["X-Error-Type": "Function.Again", "X-Error-Body": "e30="]),
        ]
        for (pieces, trailers) in uploads {
            let response = try client.perform(
                HTTPRequest(method: .post, url: "http://127.0.0.1:\(port)/stream", headers: ["Content-Type": "text/plain"]),
                streamingBody: Pieces(pieces, trailers: trailers)
            )
            #expect(response.status == 202)
        }
        // A plain request still works on the same client afterwards.
        #expect(try client.perform(HTTPRequest(method: .post, url: "http://127.0.0.1:\(port)/plain", body: Data("x".utf8))).status == 202)

        let requests = received.value
        #expect(requests.count == 4)
        for (request, (pieces, trailers)) in zip(requests, uploads) {
            #expect(request.headers["transfer-encoding"] == "chunked")
            #expect(request.body == Data(pieces.joined().utf8))
            #expect(request.chunks.map(\.byteCount) == pieces.map(\.utf8.count))
            #expect(request.trailers == trailers)
        }
        #expect(requests.last?.body == Data("x".utf8))
    }
}
