import AWSCore
import CurlHTTP

/// Why a DynamoDB operation failed. ``code`` is stable (log it, alert on
/// it, map it to API errors); service cases keep the AWS request id.
/// Nothing here ever contains credentials.
package enum DynamoDBError: Error, Sendable, CustomStringConvertible {
    /// A transaction was cancelled; one reason per action, in order.
    case transactionCanceled(reasons: [CancellationReason], AWSServiceError)
    /// A write conflicted with a transaction in progress on the same item.
    case transactionConflict(AWSServiceError)
    /// Still throttled after the retries allowed.
    case throttled(AWSServiceError)
    case validation(AWSServiceError)
    case resourceNotFound(AWSServiceError)
    case resourceInUse(AWSServiceError)
    case idempotentParameterMismatch(AWSServiceError)
    /// Unknown key, bad signature, expired token.
    case authentication(AWSServiceError)
    /// Authenticated, but IAM does not allow the action.
    case accessDenied(AWSServiceError)
    /// 5xx still failing after the retries allowed.
    case unavailable(AWSServiceError)
    /// Any other service error.
    case service(AWSServiceError)
    case transport(HTTPClientError)
    case deadlineExceeded
    case missingCredentials
    case invalidConfiguration(String)
    case checksumMismatch(requestID: String?)
    /// Rejected before sending (for example more than 100 transaction actions).
    case invalidRequest(String)
    /// A 2xx answer whose body was not the expected JSON.
    case invalidResponse(operation: String, requestID: String?)
    /// `waitUntilActive` gave up polling.
    case tableNotActive(String)

    package var code: String {
        switch self {
        case .transactionCanceled: "TransactionCanceled"
        case .transactionConflict: "TransactionConflict"
        case .throttled: "Throttled"
        case .validation: "Validation"
        case .resourceNotFound: "ResourceNotFound"
        case .resourceInUse: "ResourceInUse"
        case .idempotentParameterMismatch: "IdempotentParameterMismatch"
        case .authentication: "Authentication"
        case .accessDenied: "AccessDenied"
        case .unavailable: "ServiceUnavailable"
        case .service: "ServiceError"
        case .transport: "Transport"
        case .deadlineExceeded: "DeadlineExceeded"
        case .missingCredentials: "MissingCredentials"
        case .invalidConfiguration: "InvalidConfiguration"
        case .checksumMismatch: "ChecksumMismatch"
        case .invalidRequest: "InvalidRequest"
        case .invalidResponse: "InvalidResponse"
        case .tableNotActive: "TableNotActive"
        }
    }

    /// The service's answer, for the cases that had one.
    package var serviceError: AWSServiceError? {
        switch self {
        case .transactionCanceled(_, let error):
            error
        case .transactionConflict(let error), .throttled(let error), .validation(let error), .resourceNotFound(let error),
             .resourceInUse(let error), .idempotentParameterMismatch(let error),
             .authentication(let error), .accessDenied(let error), .unavailable(let error), .service(let error):
            error
        default:
            nil
        }
    }

    /// The AWS request id (`x-amzn-RequestId`), when the service answered.
    package var requestID: String? {
        switch self {
        case .checksumMismatch(let requestID): requestID
        case .invalidResponse(_, let requestID): requestID
        default: serviceError?.requestID
        }
    }

    package var description: String {
        switch self {
        case .transport(let error): "DynamoDB \(code): \(error)"
        case .deadlineExceeded: "DynamoDB \(code): no time left before the deadline"
        case .missingCredentials: "DynamoDB \(code): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
        case .invalidConfiguration(let reason), .invalidRequest(let reason): "DynamoDB \(code): \(reason)"
        case .tableNotActive(let table): "DynamoDB \(code): table \(table) is not ACTIVE"
        case .checksumMismatch(let requestID): "DynamoDB \(code) [request id \(requestID ?? "-")]"
        case .invalidResponse(let operation, let requestID): "DynamoDB \(code): \(operation) answer unreadable [request id \(requestID ?? "-")]"
        case .transactionCanceled(let reasons, let error):
            "DynamoDB \(code): reasons [\(reasons.map { $0.code ?? "-" }.joined(separator: ", "))] \(error)"
        default: "DynamoDB \(code): \(serviceError.map { "\($0)" } ?? "")"
        }
    }
}
