import CurlHTTP
import Foundation
import HTTPTypes
import LocalRuntime

/// A loopback HTTP server that answers from a script of faults, then
/// (optionally) forwards to a real upstream such as moto.
///
/// Every request is recorded with the monotonic time it arrived, so tests
/// can assert how many attempts a client made and how long it waited
/// between them.
package final class FaultInjectingServer: @unchecked Sendable {
    /// One scripted answer.
    package indirect enum Fault: Sendable {
        /// Answer exactly this.
        case respond(status: Int, headers: [(String, String)], body: String)
        /// Close the connection without answering (the client sees a reset / empty reply).
        case drop
        /// Wait, then apply the inner fault.
        case delay(milliseconds: Int, then: Fault)
        /// Forward to the upstream unchanged.
        case forward

        /// DynamoDB's throttling answer; `retryAfterMilliseconds` adds `x-amz-retry-after`.
        package static func throttle(retryAfterMilliseconds: Int? = nil) -> Fault {
            var headers = [("x-amzn-RequestId", "THROTTLED-REQUEST")]
            if let retryAfterMilliseconds { headers.append(("x-amz-retry-after", String(retryAfterMilliseconds))) }
            return .respond(
                status: 400,
                headers: headers,
                body: #"{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}"#
            )
        }

        /// A bare 500, as DynamoDB answers an internal error.
        package static let internalError = Fault.respond(
            status: 500,
            headers: [("x-amzn-RequestId", "INTERNAL-ERROR")],
            body: #"{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}"#
        )

        /// A 200 with a JSON body.
        package static func ok(_ body: String, headers: [(String, String)] = []) -> Fault {
            .respond(status: 200, headers: [("Content-Type", "application/x-amz-json-1.0"), ("x-amzn-RequestId", "OK-REQUEST")] + headers, body: body)
        }
    }

    /// One request as received.
    package struct Attempt: Sendable {
        /// Monotonic arrival time in milliseconds (only differences mean anything).
        package var arrivalMilliseconds: Double
        package var request: ServerRequest
    }

    private let lock = NSLock()
    private var script: [Fault]
    private var recorded: [Attempt] = []
    private let fallback: Fault
    private let upstream: String?
    private var server: LocalHTTPServer?

    /// - Parameters:
    ///   - script: answers for the first requests, in order.
    ///   - fallback: the answer once the script is used up.
    ///   - upstream: base URL `.forward` sends to (`http://127.0.0.1:PORT`).
    package init(script: [Fault], fallback: Fault = .ok("{}"), upstream: String? = nil) {
        self.script = script
        self.fallback = fallback
        self.upstream = upstream
    }

    deinit { server?.stop() }

    /// Starts listening on a free loopback port; returns `http://127.0.0.1:PORT`.
    package func start() throws -> String {
        let server = LocalHTTPServer { [self] request in handle(request) }
        let port = try server.start()
        lock.withLock { self.server = server }
        return "http://127.0.0.1:\(port)"
    }

    package func stop() { lock.withLock { server }?.stop() }

    /// Appends answers to the script.
    package func enqueue(_ faults: [Fault]) { lock.withLock { script.append(contentsOf: faults) } }

    package var attempts: [Attempt] { lock.withLock { recorded } }

    /// Milliseconds between consecutive arrivals.
    package var gapsMilliseconds: [Double] {
        let times = attempts.map(\.arrivalMilliseconds)
        return zip(times.dropFirst(), times).map { $0 - $1 }
    }

    private func handle(_ request: ServerRequest) -> ServerResponse {
        let now = Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000
        let fault: Fault = lock.withLock {
            recorded.append(Attempt(arrivalMilliseconds: now, request: request))
            return script.isEmpty ? fallback : script.removeFirst()
        }
        return answer(fault, to: request)
    }

    private func answer(_ fault: Fault, to request: ServerRequest) -> ServerResponse {
        switch fault {
        case .respond(let status, let headers, let body):
            return ServerResponse(status: status, headers: HTTPHeaders(headers), body: Data(body.utf8))
        case .drop:
            return .drop
        case .delay(let milliseconds, let then):
            usleep(useconds_t(milliseconds * 1_000))
            return answer(then, to: request)
        case .forward:
            return forward(request)
        }
    }

    private func forward(_ request: ServerRequest) -> ServerResponse {
        guard let upstream, let method = HTTPMethod(rawValue: request.method) else {
            return ServerResponse(status: 502, body: Data("no upstream".utf8))
        }
        let skipped: Set<String> = ["content-length", "connection", "expect", "transfer-encoding"]
        var headers = HTTPHeaders()
        for field in request.headers where !skipped.contains(field.name.lowercased()) {
            headers.add(name: field.name, value: field.value)
        }
        do {
            let client = try CurlHTTPClient()
            let response = try client.perform(HTTPRequest(
                method: method,
                url: upstream + request.target,
                headers: headers,
                body: request.body.isEmpty ? nil : request.body,
                timeoutMilliseconds: 10_000
            ))
            var answerHeaders = HTTPHeaders()
            for field in response.headers where !skipped.contains(field.name.lowercased()) {
                answerHeaders.add(name: field.name, value: field.value)
            }
            return ServerResponse(status: response.status, headers: answerHeaders, body: response.body)
        } catch {
            return ServerResponse(status: 502, body: Data("upstream failed: \(error)".utf8))
        }
    }
}
