import FoundationEssentials

/// An HTTP method. Only the ones this service sends or serves.
public enum HTTPMethod: String, Sendable, CaseIterable {
    case get = "GET"
    case head = "HEAD"
    case post = "POST"
    case put = "PUT"
    case patch = "PATCH"
    case delete = "DELETE"
    case options = "OPTIONS"
}

/// A request for ``CurlHTTPClient``.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// Absolute URL, `http://` or `https://`.
    public var url: String
    public var headers: HTTPHeaders
    public var body: Data?
    /// Limit for establishing the connection.
    public var connectTimeoutMilliseconds: Int
    /// Limit for the whole exchange; `nil` waits forever (the Runtime API's `next`).
    public var timeoutMilliseconds: Int?
    /// A response body larger than this fails with ``HTTPClientError/responseTooLarge(limit:)``.
    public var maxResponseBytes: Int
    /// False when the caller never reads ``HTTPResponse/headers``: they are then
    /// not collected (no callback, no strings) and come back empty.
    public var collectsResponseHeaders: Bool

    public init(
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
