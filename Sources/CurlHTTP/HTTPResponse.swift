import FoundationEssentials

/// A complete response received by ``CurlHTTPClient``.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data

    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Any 2xx status.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
