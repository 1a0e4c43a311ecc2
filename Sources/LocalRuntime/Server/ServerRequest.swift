import CurlHTTP
import FoundationEssentials

/// One HTTP request as received by ``LocalHTTPServer``.
public struct ServerRequest: Sendable {
    /// The method token as sent (upper case for the standard ones).
    public var method: String
    /// The request target as sent: path plus optional `?query`.
    public var target: String
    public var headers: HTTPHeaders
    public var body: Data
    /// The peer's address, for access logs.
    public var remoteAddress: String

    public init(method: String, target: String, headers: HTTPHeaders = [:], body: Data = Data(), remoteAddress: String = "") {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The target without its query string.
    public var path: String {
        if let mark = target.firstIndex(of: "?") { return String(target[..<mark]) }
        return target
    }

    /// The raw query string (without `?`), empty when there is none.
    public var query: String {
        if let mark = target.firstIndex(of: "?") { return String(target[target.index(after: mark)...]) }
        return ""
    }
}
