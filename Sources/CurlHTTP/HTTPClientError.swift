/// Why an HTTP exchange failed before a complete response arrived.
///
/// HTTP error statuses are not errors at this level: they come back as an
/// ``HTTPResponse``. These cases are transport failures.
package enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL or an option was rejected before anything was sent.
    case invalidRequest(String)
    /// The host name did not resolve.
    case couldNotResolveHost
    /// The TCP (or TLS) connection could not be established.
    case couldNotConnect
    /// The connect or total timeout elapsed.
    case timedOut
    /// The peer closed or reset the connection, or sent nothing.
    case connectionLost
    /// The body exceeded ``HTTPRequest/maxResponseBytes``.
    case responseTooLarge(limit: Int)
    /// Any other libcurl failure, with its code and libcurl's description.
    case transport(code: Int, description: String)

    /// Whether a retry on a fresh connection may succeed.
    package var isRetryable: Bool {
        switch self {
        case .couldNotConnect, .timedOut, .connectionLost, .couldNotResolveHost: true
        case .transport: true
        case .invalidRequest, .responseTooLarge: false
        }
    }

    package var description: String {
        switch self {
        case .invalidRequest(let reason): "invalid request: \(reason)"
        case .couldNotResolveHost: "could not resolve host"
        case .couldNotConnect: "could not connect"
        case .timedOut: "timed out"
        case .connectionLost: "connection lost"
        case .responseTooLarge(let limit): "response larger than \(limit) bytes"
        case .transport(let code, let text): "transport error \(code): \(text)"
        }
    }
}
