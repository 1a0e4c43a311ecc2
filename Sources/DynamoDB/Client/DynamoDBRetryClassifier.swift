import AWSCore

/// The standard rules plus DynamoDB's own: `ReplicatedWriteConflict` is
/// transient, and a cancelled transaction is retried only when every
/// failing action failed on a conflict or throttling (never on a condition).
package struct DynamoDBRetryClassifier: RetryClassifier {
    static let throttlingReasons: Set<String> = ["ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded"]
    static let conflictReasons: Set<String> = ["TransactionConflict"]

    private let standard = StandardRetryClassifier(additionalTransientCodes: ["ReplicatedWriteConflictException"])

    package init() {}

    package func retryKind(for error: AWSServiceError) -> RetryKind? {
        guard error.code == "TransactionCanceledException" else { return standard.retryKind(for: error) }
        let failing = CancellationReasonsBody.reasons(in: error.body).filter(\.isFailure).compactMap(\.code)
        guard !failing.isEmpty,
              failing.allSatisfy({ Self.throttlingReasons.contains($0) || Self.conflictReasons.contains($0) }) else { return nil }
        return failing.contains(where: Self.throttlingReasons.contains) ? .throttling : .transient
    }
}
