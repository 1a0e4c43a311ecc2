import AWSCore
import Coaching

/// Turns what the AWS client threw into a ``ModelError``.
///
/// The details name the error code, the HTTP status and the request id.
/// Bedrock's own message is left out: a `ValidationException` may quote
/// the request, and prompts must never reach logs through errors.
enum BedrockErrorMapping {
    /// Retried as throttling by the client (botocore models it so), but a
    /// model that stays not-ready is unavailable rather than throttled.
    static let notReadyCode = "ModelNotReadyException"
    static let modelTimeoutCode = "ModelTimeoutException"
    /// Bedrock's quota and throttling codes beyond the standard set.
    static let throttledCodes: Set<String> = StandardRetryClassifier.throttlingCodes.union(["ServiceQuotaExceededException"])

    /// The classifier the Converse client retries with.
    static let retryClassifier = StandardRetryClassifier(
        additionalThrottlingCodes: [notReadyCode],
        additionalTransientCodes: [modelTimeoutCode]
    )

    static func modelError(for error: AWSError) -> ModelError {
        switch error {
        case .service(let serviceError):
            return modelError(for: serviceError)
        case .transport(.timedOut), .deadlineExceeded:
            return .timedOut
        case .transport(let transportError):
            return .unavailable("Bedrock could not be reached: \(transportError)")
        case .missingCredentials:
            return .accessDenied("AWS credentials are missing")
        case .invalidConfiguration(let reason):
            return .unavailable("Bedrock client configuration: \(reason)")
        case .checksumMismatch(let requestID):
            return .malformedResponse("Bedrock response failed its checksum\(requestSuffix(requestID))")
        }
    }

    static func modelError(for error: AWSServiceError) -> ModelError {
        let detail = "\(error.code) (HTTP \(error.statusCode))\(requestSuffix(error.requestID))"
        switch error.code {
        case "ValidationException": return .rejected(detail)
        case "ResourceNotFoundException": return .notFound(detail)
        case modelTimeoutCode: return .timedOut
        case notReadyCode, "ServiceUnavailableException", "InternalServerException", "ModelErrorException":
            return .unavailable(detail)
        default: break
        }
        if error.isAccessDenied || error.isAuthenticationFailure { return .accessDenied(detail) }
        if throttledCodes.contains(error.code) { return .throttled }
        switch error.statusCode {
        case 401, 403: return .accessDenied(detail)
        case 404: return .notFound(detail)
        case 408: return .timedOut
        case 429: return .throttled
        case 400..<500: return .rejected(detail)
        default: return .unavailable(detail)
        }
    }

    private static func requestSuffix(_ requestID: String?) -> String {
        requestID.map { " [request id \($0)]" } ?? ""
    }
}
