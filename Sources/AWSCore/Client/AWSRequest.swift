import CurlHTTP
import Essentials
import FoundationEssentials
import HTTPTypes

/// One service call, before signing: what the generic client sends for any
/// JSON protocol (DynamoDB's JSON 1.0, Bedrock's REST-JSON).
package struct AWSRequest: Sendable {
    /// Operation name, for statistics and errors (`GetItem`, `Converse`).
    package var operation: String
    package var method: HTTPMethod
    /// Path segments, not encoded: each is percent-encoded for the wire
    /// (`us.model-v1:0` → `us.model-v1%3A0`). Empty means `/`.
    package var pathSegments: [String]
    /// Query parameters, not encoded.
    package var query: [(name: String, value: String)]
    /// Headers to send and sign (`Content-Type`, `X-Amz-Target`, ...).
    package var headers: HTTPHeaders
    package var body: Data

    package init(
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
    var encodedPath: String {
        "/" + pathSegments.map { PercentEncoding.encode($0) }.joined(separator: "/")
    }
}

/// A successful (2xx) answer.
package struct AWSResponse: Sendable {
    package var status: Int
    package var headers: HTTPHeaders
    package var body: Data
    package var requestID: String?
    package var statistics: AWSCallStatistics

    package init(status: Int, headers: HTTPHeaders, body: Data, requestID: String?, statistics: AWSCallStatistics) {
        self.status = status
        self.headers = headers
        self.body = body
        self.requestID = requestID
        self.statistics = statistics
    }
}
