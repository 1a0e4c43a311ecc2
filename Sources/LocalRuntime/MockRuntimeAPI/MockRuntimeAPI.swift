import Essentials
import FoundationEssentials
import HTTPTypes

/// An in-process stand-in for the Lambda Runtime API (2018-06-01), speaking
/// real HTTP/1.1 over a loopback socket.
///
/// It reproduces the codes and bodies of AWS's Runtime Interface Emulator:
/// 200 from `next` with the invocation headers, 202 for accepted answers,
/// 400 for an unknown request id, 403 for a second answer or any answer
/// after a 413, 413 for responses over 6,291,556 bytes, and 500 from `next`
/// once it has been told to stop, which makes a runtime exit.
package final class MockRuntimeAPI: @unchecked Sendable {
    /// Largest response the Runtime API accepts (the Runtime Interface Emulator's limit).
    package static let maxResponseBytes = 6_291_556
    /// Largest streamed response Lambda accepts: 200 MB.
    package static let maxStreamedResponseBytes = 200 * 1024 * 1024
    static let apiPrefix = "/2018-06-01"

    package struct Options: Sendable {
        /// Close the connection instead of answering the first N `next` polls.
        package var dropFirstPolls: Int
        /// Stop (500 from `next`) as soon as the queue is empty.
        package var stopWhenDrained: Bool
        /// Responses larger than this get a 413 (Lambda's limit by default;
        /// tests lower it to reach the 413 path with small answers).
        package var maxResponseBytes: Int
        /// Streamed responses larger than this get a 413 (Lambda's 200 MB by default).
        package var maxStreamedResponseBytes: Int

        package init(
            dropFirstPolls: Int = 0, stopWhenDrained: Bool = true, maxResponseBytes: Int = MockRuntimeAPI.maxResponseBytes,
            maxStreamedResponseBytes: Int = MockRuntimeAPI.maxStreamedResponseBytes
        ) {
            self.dropFirstPolls = dropFirstPolls
            self.stopWhenDrained = stopWhenDrained
            self.maxResponseBytes = maxResponseBytes
            self.maxStreamedResponseBytes = maxStreamedResponseBytes
        }
    }

    private let lock = ConditionLock()
    private var queue: [MockInvocation]
    private var options: Options
    private var inFlight: Set<String> = []
    private var answered: Set<String> = []
    private var failedTooLarge: Set<String> = []
    private var outcomeOrder: [String] = []
    private var outcomeByID: [String: InvocationOutcome] = [:]
    private var recorded: [RecordedRequest] = []
    private var recordedInitError: (type: String?, body: Data)?
    private var handedOut = 0
    private var pollsDropped = 0
    private var stopping = false
    private var server: LocalHTTPServer?

    package init(events: [MockInvocation] = [], options: Options = Options()) {
        self.queue = events
        self.options = options
    }

    deinit { server?.stop() }

    /// Starts listening on `host` (a free port); returns the value for
    /// `AWS_LAMBDA_RUNTIME_API`.
    @discardableResult
    package func start(host: String = "127.0.0.1") throws(SocketError) -> String {
        let server = LocalHTTPServer(
            configuration: .init(host: host, port: 0, maxBodyBytes: max(64 * 1024 * 1024, options.maxStreamedResponseBytes))
        ) { [self] request in handle(request) }
        let port = try server.start()
        lock.withLock { self.server = server }
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Stops the listener and wakes any waiting poll.
    package func stop() {
        lock.withLock {
            stopping = true
            lock.broadcast()
        }
        let server = lock.withLock { self.server }
        server?.stop()
    }

    /// Adds an event for the next poll.
    package func enqueue(_ invocation: MockInvocation) {
        lock.withLock {
            queue.append(invocation)
            lock.broadcast()
        }
    }

    /// From now on, answer `next` with 500 once the queue is empty.
    package func finishWhenDrained() {
        lock.withLock {
            options.stopWhenDrained = true
            lock.broadcast()
        }
    }

    /// Waits until `count` invocations have an outcome (or `timeout` passes)
    /// and returns the outcomes in the order they arrived.
    package func waitForOutcomes(count: Int, timeout: Double = 30) -> [(requestID: String, outcome: InvocationOutcome)] {
        lock.withLock {
            _ = lock.wait(until: { outcomeOrder.count >= count }, timeoutSeconds: timeout)
            return outcomeOrder.compactMap { id in outcomeByID[id].map { (id, $0) } }
        }
    }

    /// The outcome for one request id, if any yet.
    package func outcome(for requestID: String) -> InvocationOutcome? {
        lock.withLock { outcomeByID[requestID] }
    }

    /// Every request received so far, in order.
    package var requests: [RecordedRequest] { lock.withLock { recorded } }

    /// What the runtime posted to `/runtime/init/error`, if anything.
    package var initError: (type: String?, body: Data)? { lock.withLock { recordedInitError } }

    /// Waits until the runtime has reported an init error.
    func waitForInitError(timeout: Double = 30) -> (type: String?, body: Data)? {
        lock.withLock {
            _ = lock.wait(until: { recordedInitError != nil }, timeoutSeconds: timeout)
            return recordedInitError
        }
    }

    private func handle(_ request: ServerRequest) -> ServerResponse {
        let path = request.path
        let receivedAt = MonotonicClock.nanoseconds()
        lock.withLock {
            recorded.append(RecordedRequest(
                method: request.method, path: path, headers: request.headers.map { ($0.name, $0.value) },
                bodyBytes: request.body.count, body: request.body.count <= 64 * 1024 ? request.body : Data(),
                receivedAtNanoseconds: receivedAt
            ))
        }
        guard path.hasPrefix(Self.apiPrefix + "/runtime/") else {
            return .json(404, #"{"errorMessage":"Not found","errorType":"NotFound"}"#)
        }
        let route = path.dropFirst((Self.apiPrefix + "/runtime/").count).split(separator: "/", omittingEmptySubsequences: false)
        switch (request.method, route.count, route.first) {
        case ("GET", 2, "invocation") where route[1] == "next":
            return nextInvocation()
        case ("POST", 3, "invocation") where route[2] == "response":
            return answer(String(route[1]), request: request, isError: false)
        case ("POST", 3, "invocation") where route[2] == "error":
            return answer(String(route[1]), request: request, isError: true)
        case ("POST", 2, "init") where route[1] == "error":
            return recordInitError(request)
        default:
            return .json(404, #"{"errorMessage":"Not found","errorType":"NotFound"}"#)
        }
    }

    private func nextInvocation() -> ServerResponse {
        lock.withLock {
            if pollsDropped < options.dropFirstPolls {
                pollsDropped += 1
                return .drop
            }
            _ = lock.wait(until: { !queue.isEmpty || stopping || options.stopWhenDrained }, timeoutSeconds: nil)
            guard !queue.isEmpty, !stopping else {
                return .json(500, #"{"errorMessage":"The runtime API is shutting down","errorType":"Runtime.ExitError"}"#)
            }
            let invocation = queue.removeFirst()
            inFlight.insert(invocation.requestID)
            handedOut += 1
            var headers: HTTPHeaders = [
                "Lambda-Runtime-Aws-Request-Id": invocation.requestID,
                "Content-Type": "application/json",
            ]
            switch invocation.deadline {
            case .none:
                headers.add(name: "Lambda-Runtime-Deadline-Ms", value: String(Self.nowMilliseconds() + 30_000))
            case .some(.some(let raw)):
                headers.add(name: "Lambda-Runtime-Deadline-Ms", value: raw)
            case .some(.none):
                break
            }
            let optional: [(String, String?)] = [
                ("Lambda-Runtime-Invoked-Function-Arn", invocation.functionARN),
                ("Lambda-Runtime-Trace-Id", invocation.traceID),
                ("Lambda-Runtime-Client-Context", invocation.clientContext),
                ("Lambda-Runtime-Cognito-Identity", invocation.cognitoIdentity),
                ("Lambda-Runtime-Aws-Tenant-Id", invocation.tenantID),
            ]
            for case let (name, value?) in optional { headers.add(name: name, value: value) }
            return ServerResponse(status: 200, headers: headers, body: invocation.event)
        }
    }

    private func answer(_ requestID: String, request: ServerRequest, isError: Bool) -> ServerResponse {
        lock.withLock {
            guard inFlight.contains(requestID) || answered.contains(requestID) || failedTooLarge.contains(requestID) else {
                return .json(400, #"{"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"}"#)
            }
            guard inFlight.contains(requestID) else {
                return .json(403, #"{"errorMessage":"Invalid state transition: the invocation was already answered","errorType":"InvalidStateTransition"}"#)
            }
            let isStreamed = !isError && request.headers["lambda-runtime-function-response-mode"]?.lowercased() == "streaming"
            if !isError, request.body.count > (isStreamed ? options.maxStreamedResponseBytes : options.maxResponseBytes) {
                inFlight.remove(requestID)
                failedTooLarge.insert(requestID)
                record(.tooLarge(bytes: request.body.count), for: requestID)
                return .json(413, #"{"errorMessage":"Exceeded maximum allowed payload size (6291556 bytes).","errorType":"RequestEntityTooLarge"}"#)
            }
            inFlight.remove(requestID)
            answered.insert(requestID)
            let outcome: InvocationOutcome = if isError {
                .error(type: request.headers["lambda-runtime-function-error-type"], body: request.body)
            } else if isStreamed {
                .streamed(StreamedResponse(request))
            } else {
                .response(request.body)
            }
            record(outcome, for: requestID)
            return .json(202, #"{"status":"OK"}"#)
        }
    }

    private func record(_ outcome: InvocationOutcome, for requestID: String) {
        outcomeByID[requestID] = outcome
        outcomeOrder.append(requestID)
        lock.broadcast()
    }

    private func recordInitError(_ request: ServerRequest) -> ServerResponse {
        lock.withLock {
            guard handedOut == 0, recordedInitError == nil else {
                return .json(403, #"{"errorMessage":"Invalid state transition: init error after initialisation","errorType":"InvalidStateTransition"}"#)
            }
            recordedInitError = (request.headers["lambda-runtime-function-error-type"], request.body)
            lock.broadcast()
            return .json(202, #"{"status":"OK"}"#)
        }
    }

    static func nowMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}
