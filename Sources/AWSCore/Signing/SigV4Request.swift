import CurlHTTP
import Essentials
import FoundationEssentials
import HTTPTypes

/// The parts of an HTTP request that Signature Version 4 covers.
package struct SigV4Request: Sendable {
    /// Upper-case method token.
    package var method: String
    /// The `Host` header value: host, plus the port when not the default.
    package var host: String
    /// The path as sent on the wire (already percent-encoded once).
    package var path: String
    /// Query parameters, not encoded; the signer encodes them.
    package var query: [(name: String, value: String)]
    /// Headers that will be sent. `Host` is taken from ``host`` unless present here.
    package var headers: HTTPHeaders
    /// Lower-case hex SHA-256 of the body.
    var payloadHash: String

    package init(
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

    package init(
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
package struct SigV4Signature: Sendable {
    package var canonicalRequest: String
    package var stringToSign: String
    /// Lower-case hex signature.
    package var signature: String
    package var signedHeaders: String
    /// `Authorization`, `X-Amz-Date`, and when needed `X-Amz-Security-Token`
    /// and `X-Amz-Content-SHA256`, in that order.
    package var headers: HTTPHeaders

    /// The `Authorization` header value.
    package var authorization: String { headers["Authorization"] ?? "" }
}
