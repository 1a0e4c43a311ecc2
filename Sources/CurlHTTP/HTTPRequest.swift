import FoundationEssentials
import HTTPTypes

/// An HTTP method. Only the ones this service sends or serves.
package enum HTTPMethod: String, Sendable, CaseIterable {
    case get = "GET"
    case head = "HEAD"
    case post = "POST"
    case put = "PUT"
    case patch = "PATCH"
    case delete = "DELETE"
    case options = "OPTIONS"
}

/// A request for ``CurlHTTPClient``.
package struct HTTPRequest: Sendable {
    package var method: HTTPMethod
    /// Absolute URL, `http://` or `https://`.
    package var url: String
    package var headers: HTTPHeaders
    package var body: Data?
    /// Limit for establishing the connection.
    package var connectTimeoutMilliseconds: Int
    /// Limit for the whole exchange; `nil` waits forever (the Runtime API's `next`).
    package var timeoutMilliseconds: Int?
    /// A response body larger than this fails with ``HTTPClientError/responseTooLarge(limit:)``.
    package var maxResponseBytes: Int
    /// False when the caller never reads ``HTTPResponse/headers``: they are then
    /// not collected (no callback, no strings) and come back empty.
    package var collectsResponseHeaders: Bool

    package init(
        method: HTTPMethod = .get,
        url: String,
        headers: HTTPHeaders = [:],
        body: Data? = nil,
        connectTimeoutMilliseconds: Int = 1_000,
        timeoutMilliseconds: Int? = 30_000,
        maxResponseBytes: Int = 16 * 1024 * 1024,
        collectsResponseHeaders: Bool = true
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.timeoutMilliseconds = timeoutMilliseconds
        self.maxResponseBytes = maxResponseBytes
        self.collectsResponseHeaders = collectsResponseHeaders
    }
}
