import CurlHTTP
import FoundationEssentials

/// One service call, before signing: what the generic client sends for any
/// JSON protocol (DynamoDB's JSON 1.0, Bedrock's REST-JSON).
public struct AWSRequest: Sendable {
    /// Operation name, for statistics and errors (`GetItem`, `Converse`).
    public var operation: String
    public var method: HTTPMethod
    /// Path segments, not encoded: each is percent-encoded for the wire
    /// (`us.model-v1:0` → `us.model-v1%3A0`). Empty means `/`.
    public var pathSegments: [String]
    /// Query parameters, not encoded.
    public var query: [(name: String, value: String)]
    /// Headers to send and sign (`Content-Type`, `X-Amz-Target`, ...).
    public var headers: HTTPHeaders
    public var body: Data

    public init(
        operation: String,
        method: HTTPMethod = .post,
        pathSegments: [String] = [],
        query: [(name: String, value: String)] = [],
        headers: HTTPHeaders = [:],
        body: Data = Data()
    ) {
        self.operation = operation
        self.method = method
        self.pathSegments = pathSegments
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The path as sent: `/` + each segment encoded once.
    public var encodedPath: String {
        "/" + pathSegments.map { PercentEncoding.encode($0) }.joined(separator: "/")
    }
}

/// A successful (2xx) answer.
public struct AWSResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data
    public var requestID: String?
    public var statistics: AWSCallStatistics

    public init(status: Int, headers: HTTPHeaders, body: Data, requestID: String?, statistics: AWSCallStatistics) {
        self.status = status
        self.headers = headers
        self.body = body
        self.requestID = requestID
        self.statistics = statistics
    }
}
