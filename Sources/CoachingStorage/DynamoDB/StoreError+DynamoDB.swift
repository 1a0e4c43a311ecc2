import Coaching
import DynamoDB

extension StoreError {
    /// A DynamoDB failure in the store's terms, with its whole description
    /// (code, HTTP status, message, AWS request id) as the cause for the log.
    /// Refusals that no retry fixes (access denied, a missing table, a request
    /// DynamoDB calls invalid, bad credentials or configuration) are
    /// ``rejected(_:)``, not an outage to retry shortly.
    init(_ error: DynamoDBError) {
        switch error {
        case .accessDenied, .resourceNotFound, .validation, .authentication, .missingCredentials, .invalidConfiguration,
             .invalidRequest:
            self = .rejected(error.description)
        default:
            self = .unavailable(error.description)
        }
    }
}
