import AWSCore
import FoundationEssentials

extension DynamoDBError {
    /// Maps the generic client's error to DynamoDB's kinds.
    init(_ error: AWSError) {
        switch error {
        case .service(let serviceError): self = Self.map(serviceError)
        case .transport(let transport): self = .transport(transport)
        case .deadlineExceeded: self = .deadlineExceeded
        case .missingCredentials: self = .missingCredentials
        case .invalidConfiguration(let reason): self = .invalidConfiguration(reason)
        case .checksumMismatch(let requestID): self = .checksumMismatch(requestID: requestID)
        }
    }

    private static func map(_ error: AWSServiceError) -> DynamoDBError {
        switch error.code {
        case "TransactionCanceledException":
            return .transactionCanceled(reasons: CancellationReasonsBody.reasons(in: error.body), error)
        case "TransactionConflictException": return .transactionConflict(error)
        case "ValidationException", "SerializationException": return .validation(error)
        case "ResourceNotFoundException": return .resourceNotFound(error)
        case "ResourceInUseException": return .resourceInUse(error)
        case "IdempotentParameterMismatchException": return .idempotentParameterMismatch(error)
        default: break
        }
        if StandardRetryClassifier.throttlingCodes.contains(error.code) { return .throttled(error) }
        if error.isAuthenticationFailure { return .authentication(error) }
        if error.isAccessDenied { return .accessDenied(error) }
        if error.statusCode >= 500 { return .unavailable(error) }
        return .service(error)
    }
}

struct CancellationReasonsBody: Decodable {
    var cancellationReasons: [CancellationReason]?
    enum CodingKeys: String, CodingKey { case cancellationReasons = "CancellationReasons" }

    static func reasons(in body: Data) -> [CancellationReason] {
        (try? JSONDecoder().decode(Self.self, from: body))?.cancellationReasons ?? []
    }
}
