import CurlHTTP
import FoundationEssentials

/// The parts of an HTTP request that Signature Version 4 covers.
public struct SigV4Request: Sendable {
    /// Upper-case method token.
    public var method: String
    /// The `Host` header value: host, plus the port when not the default.
    public var host: String
    /// The path as sent on the wire (already percent-encoded once).
    public var path: String
    /// Query parameters, not encoded; the signer encodes them.
    public var query: [(name: String, value: String)]
    /// Headers that will be sent. `Host` is taken from ``host`` unless present here.
    public var headers: HTTPHeaders
    /// Lower-case hex SHA-256 of the body.
    public var payloadHash: String

    public init(
        method: String,
        host: String,
        path: String,
        query: [(name: String, value: String)] = [],
        headers: HTTPHeaders = [:],
        payloadHash: String
    ) {
        self.method = method
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.payloadHash = payloadHash
    }

    public init(
        method: String,
        host: String,
        path: String,
        query: [(name: String, value: String)] = [],
        headers: HTTPHeaders = [:],
        body: Data
    ) {
        self.init(method: method, host: host, path: path, query: query, headers: headers, payloadHash: SHA256.hexDigest(body))
    }
}

/// What signing produced: the headers to add, and the intermediate values
/// (useful in tests and when a server reports a signature mismatch).
public struct SigV4Signature: Sendable {
    public var canonicalRequest: String
    public var stringToSign: String
    /// Lower-case hex signature.
    public var signature: String
    public var signedHeaders: String
    /// `Authorization`, `X-Amz-Date`, and when needed `X-Amz-Security-Token`
    /// and `X-Amz-Content-SHA256`, in that order.
    public var headers: HTTPHeaders

    /// The `Authorization` header value.
    public var authorization: String { headers["Authorization"] ?? "" }
}
