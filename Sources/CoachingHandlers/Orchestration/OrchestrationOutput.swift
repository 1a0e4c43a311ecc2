import CoachingContracts

/// The state machine's output (orchestrator/README.md, "Output"): the envelope of every
/// handled outcome, with the status the caller should get.
struct OrchestrationOutput: Decodable, Sendable {
    var success: Bool
    var statusCode: Int
    var data: CoachingResponse?
    var error: String?
    var errorCode: String?
    var orchestration: OrchestrationSummary?

    enum CodingKeys: String, CodingKey {
        case success
        case statusCode = "status_code"
        case data, error
        case errorCode = "error_code"
        case orchestration
    }
}

/// Whether the business context was used, and why not. Everything else the machine
/// reports (its execution ARN, timestamps) stays out of the HTTP answer.
struct OrchestrationSummary: Codable, Sendable, Equatable {
    var dataScope: String?
    var fallback: Bool
    var fallbackReason: String?

    enum CodingKeys: String, CodingKey {
        case dataScope = "data_scope"
        case fallback
        case fallbackReason = "fallback_reason"
    }

    /// Always writes `fallback_reason`, `null` on the context path.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(dataScope, forKey: .dataScope)
        try container.encode(fallback, forKey: .fallback)
        try container.encode(fallbackReason, forKey: .fallbackReason)
    }
}

/// The `cause` of the machine's `Fail` states for invalid input: the same envelope as text.
struct OrchestrationFailureCause: Decodable, Sendable {
    var statusCode: Int
    var error: String
    var errorCode: String
    var details: [ValidationIssue]?

    enum CodingKeys: String, CodingKey {
        case statusCode = "status_code"
        case error
        case errorCode = "error_code"
        case details
    }
}

/// `{"success": true, "data": CoachingResponse, "orchestration": {...}}`.
struct OrchestratedSuccess: Encodable, Sendable {
    var data: CoachingResponse
    var orchestration: OrchestrationSummary?

    enum CodingKeys: String, CodingKey {
        case success, data, orchestration
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(true, forKey: .success)
        try container.encode(data, forKey: .data)
        try container.encodeIfPresent(orchestration, forKey: .orchestration)
    }
}
