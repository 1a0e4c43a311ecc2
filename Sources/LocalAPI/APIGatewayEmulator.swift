import CoachingContracts
import Essentials
import FoundationEssentials
import LambdaRuntime
import LocalRuntime
import Synchronization

/// Plays API Gateway (an HTTP API with a `$default` route, payload format
/// 2.0, no authorizer) in front of a Lambda handler: each HTTP request
/// becomes the event API Gateway would send, runs through the handler in
/// this process, and the handler's proxy response becomes the HTTP answer.
///
/// Safe to call from many connection threads at once; requests that write
/// the same conversation (``serialisationKey``) run one at a time.
package final class APIGatewayEmulator: Sendable {
    package struct Limits: Sendable {
        /// Lambda's limit for a synchronous invocation's request payload (6 MB).
        package static let lambdaRequestBytes = 6_291_456
        /// HTTP API's integration timeout, fixed at 30 seconds.
        static let httpAPITimeoutMilliseconds: Int64 = 30_000

        /// The largest event (the body included, base64 when binary) passed to the handler; larger gets 413.
        package var maxEventBytes: Int
        /// The deadline each invocation's context carries.
        package var timeoutMilliseconds: Int64

        package init(maxEventBytes: Int = lambdaRequestBytes, timeoutMilliseconds: Int64 = httpAPITimeoutMilliseconds) {
            self.maxEventBytes = maxEventBytes
            self.timeoutMilliseconds = timeoutMilliseconds
        }
    }

    package typealias SerialisationKey = @Sendable (ServerRequest) -> String?

    private let handler: any LambdaHandler & Sendable
    private let function: FunctionMetadata
    private let logger: Logger
    private let limits: Limits
    private let serialisationKey: SerialisationKey
    private let serialiser = KeyedSerialiser()
    private let invocations = Atomic<Int>(0)
    private let inFlightCount = Atomic<Int>(0)
    private let drainingFlag = Atomic<Bool>(false)

    package init(handler: any LambdaHandler & Sendable, function: FunctionMetadata = FunctionMetadata(), logger: Logger,
                limits: Limits = Limits(), serialisationKey: @escaping SerialisationKey = { _ in nil }) {
        self.handler = handler
        self.function = function
        self.logger = logger
        self.limits = limits
        self.serialisationKey = serialisationKey
    }

    /// Requests being answered right now.
    package var inFlight: Int { inFlightCount.load(ordering: .acquiring) }

    /// From now on every response closes its connection (shutting down).
    package func beginDraining() { drainingFlag.store(true, ordering: .releasing) }

    /// Answers one HTTP request and writes its access-log line.
    package func respond(to request: ServerRequest) -> ServerResponse {
        let started = MonotonicClock.nanoseconds()
        inFlightCount.add(1, ordering: .acquiringAndReleasing)
        defer { inFlightCount.subtract(1, ordering: .acquiringAndReleasing) }
        let requestID = Self.makeRequestID()
        var response = answer(request, requestID: requestID)
        response.headers.replaceOrAdd(name: "apigw-requestid", value: requestID)
        if drainingFlag.load(ordering: .acquiring) { response.closeConnection = true }
        let milliseconds = Int((MonotonicClock.nanoseconds() - started) / 1_000_000)
        logAccess(method: request.method, path: request.path, status: response.status, milliseconds: milliseconds,
                  bytes: response.body.count, requestID: requestID)
        return response
    }

    /// The answer to a request the HTTP server refused before reading it
    /// whole (body or head too large, malformed): the error envelope.
    package func rejection(status: Int, reason: String) -> ServerResponse {
        let requestID = Self.makeRequestID()
        var response = switch status {
        case 413: tooLarge(requestID)
        case 431: Self.envelope(431, code: "HEADERS_TOO_LARGE", message: "The request headers are too large.", requestID: requestID)
        case 501: Self.envelope(501, code: "NOT_IMPLEMENTED", message: "This transfer encoding is not supported.", requestID: requestID)
        default: Self.envelope(status, code: "BAD_REQUEST", message: "The HTTP request is malformed.", requestID: requestID)
        }
        response.closeConnection = true
        logger.info("access", [
            "method": "-", "path": "-", "status": .int(status), "durationMs": 0, "bytes": .int(response.body.count),
            "apiRequestId": .string(requestID), "reason": .string(reason),
        ])
        return response
    }

    private func answer(_ request: ServerRequest, requestID: String) -> ServerResponse {
        guard request.body.count <= limits.maxEventBytes else { return tooLarge(requestID) }
        let event: Data
        do {
            event = try Self.encoder.encode(HTTPAPIEvent(request, requestID: requestID, epochMilliseconds: SystemClock.nowEpochMilliseconds()))
        } catch {
            return Self.gatewayFailure
        }
        guard event.count <= limits.maxEventBytes else { return tooLarge(requestID) }
        return serialiser.run(key: serialisationKey(request)) {
            invoke(event, deadline: SystemClock.nowEpochMilliseconds() + limits.timeoutMilliseconds)
        }
    }

    private func tooLarge(_ requestID: String) -> ServerResponse {
        Self.envelope(413, code: "PAYLOAD_TOO_LARGE", message: "The request is larger than \(limits.maxEventBytes) bytes.", requestID: requestID)
    }

    private func invoke(_ event: Data, deadline: Int64) -> ServerResponse {
        let count = invocations.add(1, ordering: .relaxed).newValue
        let context = LambdaContext(
            requestID: UUID().uuidString.lowercased(), deadlineMilliseconds: deadline,
            invokedFunctionARN: "arn:aws:lambda:local:000000000000:function:\(function.functionName)",
            function: function, isColdStart: count == 1, logger: logger
        )
        let output: Data
        do {
            output = try handler.handle(event, context: context)
        } catch {
            // API Gateway answers a failed invocation without details; they stay in the log.
            context.logger.error("invocation failed", ["errorType": .string(ErrorReport(error).errorType)])
            return Self.gatewayFailure
        }
        if context.remainingMilliseconds() < 0 {
            context.logger.warn("the handler ran past the 30 s HTTP API timeout; API Gateway would have given up", [:])
        }
        do {
            return try ProxyResponse.httpResponse(from: output)
        } catch {
            context.logger.error("the handler's output is not an HTTP API proxy response", ["reason": .string(String(describing: error))])
            return Self.gatewayFailure
        }
    }

    /// One line per request: never the query (it may carry a cursor), headers or bodies.
    private func logAccess(method: String, path: String, status: Int, milliseconds: Int, bytes: Int, requestID: String) {
        logger.info("access", [
            "method": .string(method), "path": .string(path), "status": .int(status), "durationMs": .int(milliseconds),
            "bytes": .int(bytes), "apiRequestId": .string(requestID),
        ])
    }
}
