import FoundationEssentials
import HTTPTypes

/// A complete response received by ``CurlHTTPClient``.
package struct HTTPResponse: Sendable {
    package var status: Int
    package var headers: HTTPHeaders
    package var body: Data

    package init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Any 2xx status.
    package var isSuccess: Bool { (200..<300).contains(status) }
}
