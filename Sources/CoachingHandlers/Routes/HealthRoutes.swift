import AWSCore
import Coaching
import CoachingContracts

/// `GET /api/v1/health`: the process is up and answering.
struct HealthStatus: Encodable, Sendable {
    var status: String
    var service: String
    var version: String

    enum CodingKeys: String, CodingKey {
        case status, service, version
    }
}

extension Endpoints {
    func health(_ context: RouteContext) throws -> APIResponse {
        try coder.success(200, HealthStatus(status: "healthy", service: configuration.serviceName, version: configuration.version))
    }

    /// `GET /api/v1/health/ready`: the store answers too; 503 when it does
    /// not. Anonymous, so the answer says only ready or not (the cause goes
    /// to the log), and the probe is reused for a few seconds.
    func ready(_ context: RouteContext) throws -> APIResponse {
        let ready = readiness.ready(now: service.clock.nowEpochMilliseconds()) {
            do throws(CoachingError) {
                try service.checkReadiness(deadline: context.deadline)
                return true
            } catch {
                context.logger.warn("readiness probe failed", ["error": .string(String(describing: error))])
                return false
            }
        }
        guard ready else { throw APIError.unavailable(message: "Not ready; retry shortly.") }
        return try coder.success(200, ReadinessStatus(status: "ready"))
    }
}

/// `GET /api/v1/health/ready`'s answer: nothing but the state.
struct ReadinessStatus: Encodable, Sendable {
    var status: String

    enum CodingKeys: String, CodingKey {
        case status
    }
}
