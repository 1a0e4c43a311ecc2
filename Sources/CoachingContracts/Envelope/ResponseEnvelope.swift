/// The success envelope the frontend expects: `{"success": true, "data": ...}`.
package struct SuccessEnvelope<Payload: Encodable & Sendable>: Encodable, Sendable {
    package var success: Bool { true }
    package var data: Payload

    package init(data: Payload) { self.data = data }

    enum CodingKeys: String, CodingKey {
        case success, data
    }

    package func encode(to encoder: any Encoder) throws {
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
package struct ErrorEnvelope: Codable, Sendable, Equatable {
    package var success: Bool
    package var error: String
    package var errorCode: String
    package var details: [ValidationIssue]?
    package var requestID: String?

    package init(error: String, errorCode: String, details: [ValidationIssue]? = nil, requestID: String?) {
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
