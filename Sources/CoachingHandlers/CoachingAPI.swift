import AWSCore
import CoachingContracts
import Essentials
import FoundationEssentials
import LambdaRuntime

/// Settings the HTTP layer needs.
package struct HandlerConfiguration: Sendable {
    package var serviceName: String
    package var version: String

    package init(serviceName: String = "coaching", version: String = CoachingAPI.version) {
        self.serviceName = serviceName
        self.version = version
    }
}

/// The coaching HTTP API: routes requests to handlers and maps every
/// failure to the error envelope. Independent of how the request arrived
/// (API Gateway, Function URL, the local server).
package struct CoachingAPI: Sendable {
    /// The service version reported by the health route.
    package static let version = "0.1.0"

    package let configuration: HandlerConfiguration
    package let dependencies: HandlerDependencies
    let coder = ResponseCoder()
    private let router: Router

    package init(configuration: HandlerConfiguration = HandlerConfiguration(), dependencies: HandlerDependencies) {
        self.configuration = configuration
        self.dependencies = dependencies
        var router = Router()
        Endpoints(dependencies: dependencies, coder: coder, configuration: configuration).register(on: &router)
        self.router = router
    }

    /// The routes served, for documentation and the OpenAPI check.
    package var routes: [(method: String, pattern: String)] { router.patterns }

    /// Answers one request. Never throws: every failure becomes an envelope.
    package func respond(to request: APIRequest, deadline: Deadline, logger: Logger) -> APIResponse {
        let started = SystemClock.nowEpochMilliseconds()
        let origin = request.header("origin")
        var routeKey = "unmatched"
        var response: APIResponse
        if request.method == "OPTIONS" {
            response = APIResponse(status: 204, body: Data())
            response.headers.merge(dependencies.cors.headers(for: origin, preflight: true)) { _, new in new }
            return response
        }
        switch router.match(method: request.method, path: request.path) {
        case .found(let pattern, let handler, let parameters):
            routeKey = "\(request.method) \(pattern)"
            do {
                response = try handler(RouteContext(request: request, parameters: parameters, deadline: deadline, logger: logger))
            } catch let error as APIError {
                if let cause = error.cause {
                    // A dependency failed: its cause (AWS code, HTTP status, request id, message) goes to the log.
                    let fields: KeyValuePairs<String, LogValue> = [
                        "route": .string(routeKey), "status": .int(error.status), "errorCode": .string(error.code), "cause": .string(cause.description),
                    ]
                    if error.status >= 500, error.status != 503 { logger.error("request failed", fields) } else { logger.warn("request failed", fields) }
                }
                response = coder.failure(error, requestID: request.requestID)
            } catch {
                logger.error("route failed unexpectedly", ["route": .string(routeKey), "error": .string(String(describing: type(of: error)))])
                response = coder.failure(.internalError, requestID: request.requestID)
            }
        case .methodNotAllowed(let allowed):
            response = coder.failure(.methodNotAllowed(allowed: allowed), requestID: request.requestID)
        case .notFound:
            response = coder.failure(.notFound(code: "ROUTE_NOT_FOUND", message: "No route matches this path."), requestID: request.requestID)
        }
        response.headers.merge(dependencies.cors.headers(for: origin, preflight: false)) { _, new in new }
        let duration = Int(SystemClock.nowEpochMilliseconds() - started)
        logger.info("request", [
            "method": .string(request.method), "route": .string(routeKey), "status": .int(response.status), "durationMs": .int(duration),
        ])
        emitRequestMetrics(route: routeKey, status: response.status, milliseconds: duration, request: request)
        return response
    }

    private func emitRequestMetrics(route: String, status: Int, milliseconds: Int, request: APIRequest) {
        guard let metrics = dependencies.metrics else { return }
        let ids = request.metricIDs
        metrics.emit([MetricValue("RequestLatency", Double(milliseconds), unit: .milliseconds)],
                     dimensions: ["route": route], properties: ids + [("status", .int(status))])
        dependencies.emitStoreCallMetrics(properties: ids)
    }

    /// The error envelope for a request that could not be routed at all.
    func failure(_ error: APIError, requestID: String) -> APIResponse {
        coder.failure(error, requestID: requestID)
    }
}
