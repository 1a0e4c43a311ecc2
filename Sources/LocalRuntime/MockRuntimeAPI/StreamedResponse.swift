import FoundationEssentials
import HTTPTypes

/// A response the runtime streamed (`Lambda-Runtime-Function-Response-Mode:
/// streaming`), taken apart for tests.
package struct StreamedResponse: Sendable, Equatable {
    package static let httpIntegrationContentType = "application/vnd.awslambda.http-integration-response"

    package var contentType: String?
    /// The JSON prelude of an HTTP-integration response, without its 8 NUL bytes.
    package var prelude: Data?
    /// The payload: after the prelude and its separator, when there is one.
    package var body: Data
    /// Every trailer field sent after the last chunk.
    package var trailers: HTTPHeaders
    /// `Lambda-Runtime-Function-Error-Type`, when the stream ended with an error.
    package var errorType: String?
    /// `Lambda-Runtime-Function-Error-Body`, base64-decoded.
    package var errorBody: Data?
    /// When each chunk arrived (``MonotonicClock`` nanoseconds), in order.
    package var chunks: [ChunkArrival]

    init(_ request: ServerRequest) {
        contentType = request.headers["content-type"]
        if contentType == Self.httpIntegrationContentType, let end = Self.separatorRange(in: request.body) {
            prelude = Data(request.body[..<end.lowerBound])
            body = Data(request.body[end.upperBound...])
        } else {
            prelude = nil
            body = request.body
        }
        trailers = request.trailers
        errorType = request.trailers["lambda-runtime-function-error-type"]
        errorBody = request.trailers["lambda-runtime-function-error-body"].flatMap { Data(base64Encoded: $0) }
        chunks = request.chunks
    }

    /// The first run of 8 NUL bytes.
    private static func separatorRange(in bytes: Data) -> Range<Data.Index>? {
        bytes.firstRange(of: Data(repeating: 0, count: 8))
    }

}
