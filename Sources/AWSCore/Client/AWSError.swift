import CurlHTTP

/// Why an AWS call failed. ``code`` is stable: safe to log, alert on and
/// map to API errors. No case ever carries a secret.
package enum AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The service answered with an error (after any retries).
    case service(AWSServiceError)
    /// No complete answer arrived (after any retries).
    case transport(HTTPClientError)
    /// The deadline left no time for a first attempt.
    case deadlineExceeded
    /// No credentials in the environment (or provider).
    case missingCredentials
    /// Region or endpoint settings are unusable.
    case invalidConfiguration(String)
    /// A success response whose body failed its `x-amz-crc32` check, every attempt.
    case checksumMismatch(requestID: String?)

    package var code: String {
        switch self {
        case .service(let error): error.code
        case .transport: "TransportError"
        case .deadlineExceeded: "DeadlineExceeded"
        case .missingCredentials: "MissingCredentials"
        case .invalidConfiguration: "InvalidConfiguration"
        case .checksumMismatch: "ChecksumMismatch"
        }
    }

    /// The service's request id, when there was an answer.
    package var requestID: String? {
        switch self {
        case .service(let error): error.requestID
        case .checksumMismatch(let requestID): requestID
        default: nil
        }
    }

    package var description: String {
        switch self {
        case .service(let error): "AWS service error \(error)"
        case .transport(let error): "AWS transport error: \(error)"
        case .deadlineExceeded: "AWS call not attempted: the deadline leaves no time"
        case .missingCredentials: "AWS credentials missing: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
        case .invalidConfiguration(let reason): "AWS configuration invalid: \(reason)"
        case .checksumMismatch(let requestID): "AWS response failed its CRC32 check [request id \(requestID ?? "-")]"
        }
    }
}
