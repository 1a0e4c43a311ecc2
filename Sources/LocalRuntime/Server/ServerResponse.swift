import FoundationEssentials
import HTTPTypes

/// What a ``LocalHTTPServer`` handler answers.
package struct ServerResponse: Sendable {
    package var status: Int
    package var headers: HTTPHeaders
    package var body: Data
    /// Close the connection after this response.
    package var closeConnection: Bool
    /// Close the connection without answering at all (fault injection).
    var dropConnection: Bool

    package init(status: Int, headers: HTTPHeaders = [:], body: Data = Data(), closeConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.closeConnection = closeConnection
        self.dropConnection = false
    }

    /// A JSON response; `content-type: application/json` is added.
    package static func json(_ status: Int, _ body: Data, headers: HTTPHeaders = [:]) -> ServerResponse {
        var headers = headers
        if headers["content-type"] == nil { headers.add(name: "Content-Type", value: "application/json") }
        return ServerResponse(status: status, headers: headers, body: body)
    }

    package static func json(_ status: Int, _ text: String, headers: HTTPHeaders = [:]) -> ServerResponse {
        json(status, Data(text.utf8), headers: headers)
    }

    /// Closes the connection without a response, as a crashed peer would.
    package static var drop: ServerResponse {
        var response = ServerResponse(status: 0)
        response.dropConnection = true
        return response
    }

    /// The reason phrase HTTP/1.1 puts on the status line.
    static func reasonPhrase(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}
