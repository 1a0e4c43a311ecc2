import Essentials
import CurlHTTP
import FoundationEssentials
import HTTPTypes

/// Speaks the Lambda Runtime API over one reused libcurl handle.
package final class RuntimeAPIClient {
    /// The Runtime API's limit on a response body.
    package static let maxResponseBytes = 6_291_556

    private let endpoint: RuntimeAPIEndpoint
    private let http: CurlHTTPClient

    package init(endpoint: RuntimeAPIEndpoint, http: CurlHTTPClient? = nil) throws(HTTPClientError) {
        self.endpoint = endpoint
        if let http {
            self.http = http
        } else {
            self.http = try CurlHTTPClient(userAgent: "purposepath-coaching-runtime/1.0")
        }
    }

    /// An event from `next`, with its headers.
    package struct Invocation: Sendable {
        package var headers: HTTPHeaders
        package var event: Data
    }

    /// Long-polls for the next event. There is no timeout: the process may
    /// be frozen for any length of time between invocations.
    package func next() throws(RuntimeAPIError) -> Invocation {
        let response = try send(HTTPRequest(
            method: .get,
            url: "\(endpoint.baseURL)/runtime/invocation/next",
            connectTimeoutMilliseconds: 1_000,
            timeoutMilliseconds: nil,
            maxResponseBytes: 64 * 1024 * 1024
        ))
        guard response.isSuccess else { throw .status(response.status) }
        return Invocation(headers: response.headers, event: response.body)
    }

    /// Posts a handler's result. A 413 means the invocation has already
    /// failed; the caller must not post an error for it afterwards.
    func postResponse(requestID: String, body: Data) throws(RuntimeAPIError) -> PostOutcome {
        let response = try send(HTTPRequest(
            method: .post,
            url: "\(endpoint.baseURL)/runtime/invocation/\(Self.pathSegment(requestID))/response",
            headers: ["Content-Type": "application/json"],
            body: body,
            timeoutMilliseconds: 30_000,
            collectsResponseHeaders: false
        ))
        return PostOutcome(status: response.status)
    }

    /// The trailers that report a failure after a streamed response has started.
    static let errorTypeTrailer = "Lambda-Runtime-Function-Error-Type"
    static let errorBodyTrailer = "Lambda-Runtime-Function-Error-Body"

    /// Posts a streamed response, chunk by chunk as `body` produces it, with
    /// the error trailers after the last chunk when the handler failed. No
    /// timeout: a stream may last as long as the function may run.
    func postStreamingResponse(requestID: String, contentType: String, body: any StreamingRequestBody) throws(RuntimeAPIError) -> PostOutcome {
        let request = HTTPRequest(
            method: .post,
            url: "\(endpoint.baseURL)/runtime/invocation/\(Self.pathSegment(requestID))/response",
            headers: [
                "Content-Type": contentType,
                "Lambda-Runtime-Function-Response-Mode": "streaming",
                "Trailer": "\(Self.errorTypeTrailer), \(Self.errorBodyTrailer)",
            ],
            timeoutMilliseconds: nil,
            collectsResponseHeaders: false
        )
        do {
            return PostOutcome(status: try http.perform(request, streamingBody: body).status)
        } catch {
            throw .transport(error)
        }
    }

    /// Posts a handler failure.
    func postError(requestID: String, report: ErrorReport) throws(RuntimeAPIError) -> PostOutcome {
        try postReport(report, path: "/runtime/invocation/\(Self.pathSegment(requestID))/error", category: "Function")
    }

    /// Reports a failure during initialisation; the process exits afterwards.
    func postInitError(_ report: ErrorReport) throws(RuntimeAPIError) -> PostOutcome {
        try postReport(report, path: "/runtime/init/error", category: "Runtime")
    }

    private func postReport(_ report: ErrorReport, path: String, category: String) throws(RuntimeAPIError) -> PostOutcome {
        let response = try send(HTTPRequest(
            method: .post,
            url: endpoint.baseURL + path,
            headers: [
                "Content-Type": "application/vnd.aws.lambda.error+json",
                "Lambda-Runtime-Function-Error-Type": report.headerValue(category: category),
            ],
            body: Data(report.json.utf8),
            timeoutMilliseconds: 30_000,
            collectsResponseHeaders: false
        ))
        return PostOutcome(status: response.status)
    }

    private func send(_ request: HTTPRequest) throws(RuntimeAPIError) -> HTTPResponse {
        do {
            return try http.perform(request)
        } catch {
            throw .transport(error)
        }
    }

    /// Request ids are UUIDs, but never trust a value that goes into a URL.
    static func pathSegment(_ value: String) -> String { PercentEncoding.encode(value) }
}

/// How the Runtime API took a posted response or error.
package enum PostOutcome: Sendable, Equatable {
    case accepted
    /// 413: the response was too large and the invocation has failed.
    case tooLarge
    /// Any other status (400 unknown id, 403 wrong state, 500 ...).
    case rejected(status: Int)

    init(status: Int) {
        switch status {
        case 200..<300: self = .accepted
        case 413: self = .tooLarge
        default: self = .rejected(status: status)
        }
    }
}

/// A failed exchange with the Runtime API.
package enum RuntimeAPIError: Error, Sendable, Equatable {
    case transport(HTTPClientError)
    case status(Int)
}
