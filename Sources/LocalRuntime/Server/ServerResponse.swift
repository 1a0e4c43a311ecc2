import CurlHTTP
import FoundationEssentials

/// What a ``LocalHTTPServer`` handler answers.
public struct ServerResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data
    /// Close the connection after this response.
    public var closeConnection: Bool
    /// Close the connection without answering at all (fault injection).
    public var dropConnection: Bool

    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data(), closeConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.closeConnection = closeConnection
        self.dropConnection = false
    }

    /// A JSON response; `content-type: application/json` is added.
    public static func json(_ status: Int, _ body: Data, headers: HTTPHeaders = [:]) -> ServerResponse {
        var headers = headers
        if headers["content-type"] == nil { headers.add(name: "Content-Type", value: "application/json") }
        return ServerResponse(status: status, headers: headers, body: body)
    }

    public static func json(_ status: Int, _ text: String, headers: HTTPHeaders = [:]) -> ServerResponse {
        json(status, Data(text.utf8), headers: headers)
    }

    /// Closes the connection without a response, as a crashed peer would.
    public static var drop: ServerResponse {
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
