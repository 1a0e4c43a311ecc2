import HTTPTypes

/// A request body produced while it is being sent, for
/// ``CurlHTTPClient/perform(_:streamingBody:)``: libcurl pulls it chunk by
/// chunk (`Transfer-Encoding: chunked`) and asks for trailer fields after the
/// last chunk.
///
/// Both methods are called on the thread running `perform`.
package protocol StreamingRequestBody: AnyObject {
    /// Copies the next bytes into `buffer` and returns how many, blocking
    /// until some are available; 0 ends the body, `nil` aborts the transfer.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int?
    /// Trailer fields sent after the last chunk (empty for none).
    func trailers() -> HTTPHeaders
}
