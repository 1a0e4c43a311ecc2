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

    /// `GET /api/v1/health/ready`: the store answers too; 503 when it does not.
    func ready(_ context: RouteContext) throws -> APIResponse {
        try perform { () throws(CoachingError) in try service.checkReadiness(deadline: context.deadline) }
        return try coder.success(200, HealthStatus(status: "ready", service: configuration.serviceName, version: configuration.version))
    }
}
