import CoachingContracts
import FoundationEssentials
import LambdaRuntime

/// Settings the HTTP layer needs.
public struct HandlerConfiguration: Sendable {
    public var serviceName: String
    public var version: String

    public init(serviceName: String = "coaching", version: String = CoachingAPI.version) {
        self.serviceName = serviceName
        self.version = version
    }
}

/// The coaching HTTP API: routes requests to handlers and maps every
/// failure to the error envelope. Independent of how the request arrived
/// (API Gateway, Function URL, the local server).
public struct CoachingAPI: Sendable {
    /// The service version reported by the health route.
    public static let version = "0.1.0"

    public let configuration: HandlerConfiguration
    let coder = ResponseCoder()
    private(set) var router = Router()

    public init(configuration: HandlerConfiguration = HandlerConfiguration()) {
        self.configuration = configuration
        var router = Router()
        registerHealthRoutes(on: &router)
        self.router = router
    }

    /// Answers one request. Never throws: every failure becomes an envelope.
    public func respond(to request: APIRequest, logger: Logger) -> APIResponse {
        let started = WallClock.nowMilliseconds()
        var routePattern = "unmatched"
        let response: APIResponse
        switch router.match(method: request.method, path: request.path) {
        case .found(let pattern, let handler, let parameters):
            routePattern = pattern
            do {
                response = try handler(request, parameters)
            } catch let error as APIError {
                response = coder.failure(error, requestID: request.requestID)
            } catch {
                logger.error("route failed unexpectedly", ["route": .string(pattern), "error": .string(String(describing: type(of: error)))])
                response = coder.failure(.internalError, requestID: request.requestID)
            }
        case .methodNotAllowed(let allowed):
            response = coder.failure(.methodNotAllowed(allowed: allowed), requestID: request.requestID)
        case .notFound:
            response = coder.failure(.notFound(code: "ROUTE_NOT_FOUND", message: "No route matches this path."), requestID: request.requestID)
        }
        logger.info("request", [
            "method": .string(request.method),
            "route": .string(routePattern),
            "status": .int(response.status),
            "durationMs": .int(Int(WallClock.nowMilliseconds() - started)),
        ])
        return response
    }

    /// The error envelope for a request that could not be routed at all.
    func failure(_ error: APIError, requestID: String) -> APIResponse {
        coder.failure(error, requestID: requestID)
    }
}
