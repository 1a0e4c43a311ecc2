import CoachingContracts
import FoundationEssentials

/// Encodes route results into the response envelope.
///
/// One encoder is built at start-up and reused; output keeps declaration
/// order, so the same value always gives the same bytes.
package struct ResponseCoder: Sendable {
    private let encoder: JSONEncoder

    package init() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.encoder = encoder
    }

    /// `{"success": true, "data": payload}` with `status`.
    package func success<Payload: Encodable & Sendable>(_ status: Int, _ payload: Payload, headers: [String: String] = [:]) throws -> APIResponse {
        .json(status, body: try encoder.encode(SuccessEnvelope(data: payload)), headers: headers)
    }

    /// The error envelope for `error`, tagged with `requestID`.
    package func failure(_ error: APIError, requestID: String) -> APIResponse {
        let envelope = ErrorEnvelope(error: error.message, errorCode: error.code, details: error.details, requestID: requestID)
        // Encoding plain strings and arrays of them cannot fail; the fallback keeps the contract anyway.
        let body = (try? encoder.encode(envelope))
            ?? Data(#"{"success":false,"error":"Something went wrong on our side.","error_code":"INTERNAL_ERROR"}"#.utf8)
        return .json(error.status, body: body, headers: error.headers)
    }

    /// Encodes any value (for responses that are not enveloped).
    package func encode<Value: Encodable>(_ value: Value) throws -> Data {
        try encoder.encode(value)
    }
}
