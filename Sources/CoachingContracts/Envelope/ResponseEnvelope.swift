/// The success envelope the frontend expects: `{"success": true, "data": ...}`.
public struct SuccessEnvelope<Payload: Encodable & Sendable>: Encodable, Sendable {
    public var success: Bool { true }
    public var data: Payload

    public init(data: Payload) { self.data = data }

    enum CodingKeys: String, CodingKey {
        case success, data
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(success, forKey: .success)
        try container.encode(data, forKey: .data)
    }
}

/// The error envelope: `{"success": false, "error": "...", "error_code": "...",
/// "details": [...], "request_id": "..."}`.
///
/// `error` is a human message safe to show; `error_code` is stable and is
/// what clients branch on; `details` lists validation problems, when any.
public struct ErrorEnvelope: Codable, Sendable, Equatable {
    public var success: Bool
    public var error: String
    public var errorCode: String
    public var details: [ValidationIssue]?
    public var requestID: String?

    public init(error: String, errorCode: String, details: [ValidationIssue]? = nil, requestID: String?) {
        self.success = false
        self.error = error
        self.errorCode = errorCode
        self.details = details
        self.requestID = requestID
    }

    enum CodingKeys: String, CodingKey {
        case success, error
        case errorCode = "error_code"
        case details
        case requestID = "request_id"
    }
}
