import FoundationEssentials
import HTTPTypes

/// One HTTP request as received by ``LocalHTTPServer``.
package struct ServerRequest: Sendable {
    /// The method token as sent (upper case for the standard ones).
    package var method: String
    /// The request target as sent: path plus optional `?query`.
    package var target: String
    package var headers: HTTPHeaders
    package var body: Data
    /// The peer's address, for access logs.
    package var remoteAddress: String
    /// Trailer fields after a chunked body.
    package var trailers: HTTPHeaders
    /// When each chunk of a chunked body arrived, in order.
    package var chunks: [ChunkArrival]

    package init(
        method: String, target: String, headers: HTTPHeaders = [:], body: Data = Data(), remoteAddress: String = "",
        trailers: HTTPHeaders = [:], chunks: [ChunkArrival] = []
    ) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.trailers = trailers
        self.chunks = chunks
    }

    /// The target without its query string.
    package var path: String {
        if let mark = target.firstIndex(of: "?") { return String(target[..<mark]) }
        return target
    }

    /// The raw query string (without `?`), empty when there is none.
    package var query: String {
        if let mark = target.firstIndex(of: "?") { return String(target[target.index(after: mark)...]) }
        return ""
    }
}
