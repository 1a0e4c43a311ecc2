import FoundationEssentials

/// An HTTP response from a route, before it is wrapped for API Gateway.
package struct APIResponse: Sendable {
    package var status: Int
    /// Header names as they should appear; `content-type` is always set.
    package var headers: [String: String]
    package var body: Data

    package init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body with `content-type: application/json`.
    package static func json(_ status: Int, body: Data, headers: [String: String] = [:]) -> APIResponse {
        var headers = headers
        headers["content-type"] = "application/json"
        return APIResponse(status: status, headers: headers, body: body)
    }
}
