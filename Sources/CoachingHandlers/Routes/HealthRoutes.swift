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

extension CoachingAPI {
    func registerHealthRoutes(on router: inout Router) {
        let service = configuration.serviceName
        let version = configuration.version
        let coder = coder
        router.add("GET", "/api/v1/health") { _, _ in
            try coder.success(200, HealthStatus(status: "healthy", service: service, version: version))
        }
    }
}
