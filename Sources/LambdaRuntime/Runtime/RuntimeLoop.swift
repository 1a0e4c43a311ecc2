import CurlHTTP
import Essentials
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The custom runtime's main loop: poll `next`, run the handler, post the
/// answer, forever.
///
/// The loop only ends when the Runtime API says so (any non-2xx status from
/// `next`; 500 means "exit now"), when `next` keeps failing at the transport
/// level, or after `maxInvocations` (tests). A handler that throws never
/// ends it.
package struct RuntimeLoop {
    /// Delays before each retry of a failed `next`. After a freeze the kept-alive
    /// connection may be stale, so the first retry is immediate.
    static let nextRetryDelaysMilliseconds = [0, 50, 250]

    /// What answers each event: a buffered result, or a stream.
    private enum Handler {
        case buffered(any LambdaHandler)
        case streaming(any StreamingLambdaHandler, maxResponseBytes: Int)
    }

    let client: RuntimeAPIClient
    private let handler: Handler
    private let function: FunctionMetadata
    private let logger: Logger
    private let metrics: MetricsEmitter?

    package init(
        client: RuntimeAPIClient,
        handler: any LambdaHandler,
        function: FunctionMetadata,
        logger: Logger,
        metrics: MetricsEmitter? = nil
    ) {
        self.client = client
        self.handler = .buffered(handler)
        self.function = function
        self.logger = logger
        self.metrics = metrics
    }

    /// A loop whose handler streams its responses (Lambda response streaming).
    /// `maxResponseBytes` is Lambda's limit unless a test lowers it.
    package init(
        client: RuntimeAPIClient,
        streamingHandler: any StreamingLambdaHandler,
        function: FunctionMetadata,
        logger: Logger,
        metrics: MetricsEmitter? = nil,
        maxResponseBytes: Int = ResponseStream.maxResponseBytes
    ) {
        self.client = client
        self.handler = .streaming(streamingHandler, maxResponseBytes: maxResponseBytes)
        self.function = function
        self.logger = logger
        self.metrics = metrics
    }

    /// Runs until the Runtime API stops it (or `maxInvocations` are served).
    package func run(maxInvocations: Int? = nil) -> RuntimeExit {
        ignoreBrokenPipeSignals()
        var served = 0
        // Whether `_X_AMZN_TRACE_ID` may be set: true at first, in case the process inherited it.
        var traceIDExported = true
        while maxInvocations.map({ served < $0 }) ?? true {
            let invocation: RuntimeAPIClient.Invocation
            switch nextWithRetry() {
            case .invocation(let next): invocation = next
            case .exit(let exit): return exit
            }
            serve(invocation, isColdStart: served == 0, traceIDExported: &traceIDExported)
            served += 1
        }
        return .invocationLimitReached
    }

    private enum NextOutcome {
        case invocation(RuntimeAPIClient.Invocation)
        case exit(RuntimeExit)
    }

    private func nextWithRetry() -> NextOutcome {
        var lastError = ""
        for (attempt, delay) in ([0] + Self.nextRetryDelaysMilliseconds).enumerated() {
            if attempt > 0, delay > 0 { usleep(useconds_t(delay * 1000)) }
            do throws(RuntimeAPIError) {
                return .invocation(try client.next())
            } catch {
                switch error {
                case .status(let status):
                    // 500 is the Runtime API telling the runtime to exit; anything else is unexpected.
                    logger.log(status == 500 ? .warn : .error, "Runtime API answered next with a non-success status; exiting", ["status": .int(status)])
                    return .exit(.runtimeAPIStatus(status))
                case .transport(let failure):
                    lastError = failure.description
                    logger.warn("next failed at the transport level", ["attempt": .int(attempt + 1), "error": .string(lastError)])
                }
            }
        }
        logger.error("next kept failing; exiting", ["error": .string(lastError)])
        return .exit(.transportFailure(lastError))
    }

    private func serve(_ invocation: RuntimeAPIClient.Invocation, isColdStart: Bool, traceIDExported: inout Bool) {
        let receivedAt = SystemClock.nowEpochMilliseconds()
        guard let context = LambdaContext(
            headers: invocation.headers,
            receivedAtMilliseconds: receivedAt,
            function: function,
            isColdStart: isColdStart,
            logger: logger
        ) else {
            logger.error("next returned an event without Lambda-Runtime-Aws-Request-Id; it cannot be answered")
            return
        }
        exportTraceID(context.traceID, exported: &traceIDExported)
        context.logger.debug("invocation started", ["eventBytes": .int(invocation.event.count)])

        switch handler {
        case .buffered(let buffered):
            answer(invocation, with: buffered, context: context)
        case .streaming(let streaming, let maxResponseBytes):
            stream(invocation, with: streaming, maxResponseBytes: maxResponseBytes, context: context)
        }

        if isColdStart {
            metrics?.emit([MetricValue("ColdStart", 1, unit: .count)], properties: ["requestId": .string(context.requestID)])
        }
        context.logger.debug("invocation finished", ["durationMs": .int(Int(SystemClock.nowEpochMilliseconds() - receivedAt))])
    }

    private func answer(_ invocation: RuntimeAPIClient.Invocation, with handler: any LambdaHandler, context: LambdaContext) {
        let result: Result<Data, any Error>
        do {
            result = .success(try handler.handle(invocation.event, context: context))
        } catch {
            result = .failure(error)
        }

        do {
            switch result {
            case .success(let body):
                switch try client.postResponse(requestID: context.requestID, body: body) {
                case .accepted:
                    break
                case .tooLarge:
                    // The invocation has already failed; /error would be refused (403).
                    context.logger.error("response refused as too large", ["responseBytes": .int(body.count)])
                case .rejected(let status):
                    context.logger.error("response refused by the Runtime API", ["status": .int(status)])
                }
            case .failure(let error):
                let report = ErrorReport(error)
                logFailure(error, report: report, context: context)
                try postError(report, context: context)
            }
        } catch {
            context.logger.error("could not post the result to the Runtime API", ["error": .string("\(error)")])
        }
    }

    func logFailure(_ error: any Error, report: ErrorReport, context: LambdaContext) {
        context.logger.error("handler failed", [
            "errorType": .string(report.errorType),
            "error": .string(error is any LambdaFunctionError ? report.errorMessage : String(describing: type(of: error))),
        ])
    }

    func postError(_ report: ErrorReport, context: LambdaContext) throws(RuntimeAPIError) {
        if case .rejected(let status) = try client.postError(requestID: context.requestID, report: report) {
            context.logger.error("error report refused by the Runtime API", ["status": .int(status)])
        }
    }

    /// X-Ray SDKs read the trace header from the environment. `unsetenv` scans
    /// the whole environment, so it runs only when a value may be there.
    private func exportTraceID(_ traceID: String?, exported: inout Bool) {
        if let traceID {
            setenv("_X_AMZN_TRACE_ID", traceID, 1)
            exported = true
        } else if exported {
            unsetenv("_X_AMZN_TRACE_ID")
            exported = false
        }
    }
}

/// Writing to a socket the peer closed must fail with `EPIPE`, not kill the process.
func ignoreBrokenPipeSignals() {
    signal(SIGPIPE, SIG_IGN)
}

/// Why ``RuntimeLoop/run(maxInvocations:)`` returned.
package enum RuntimeExit: Sendable, Equatable {
    /// `next` answered this non-2xx status; 500 means the runtime must exit.
    case runtimeAPIStatus(Int)
    /// `next` failed at the transport level on every attempt.
    case transportFailure(String)
    /// The loop served the number of invocations it was asked to.
    case invocationLimitReached

    /// The process exit status for this ending: 0 when the Runtime API asked
    /// us to stop (or the limit was reached), 1 on failure.
    package var exitCode: Int32 {
        switch self {
        case .runtimeAPIStatus(500), .invocationLimitReached: 0
        case .runtimeAPIStatus, .transportFailure: 1
        }
    }
}

/// Reports an initialisation failure to the Runtime API, as Lambda requires
/// before the process exits.
package func reportInitializationFailure(_ error: any Error, runtimeAPI: String?, logger: Logger) {
    let report = ErrorReport(error)
    logger.fatal("initialisation failed", ["errorType": .string(report.errorType), "error": .string(report.errorMessage)])
    guard let runtimeAPI else { return }
    do {
        let client = try RuntimeAPIClient(endpoint: try RuntimeAPIEndpoint(runtimeAPI))
        _ = try client.postInitError(report)
    } catch {
        logger.error("could not report the initialisation failure", ["error": .string("\(error)")])
    }
}
