import AWSCore
import Essentials

struct BatchWriteItemRequest: Encodable {
    var requestItems: [String: [WriteRequest]]
    enum CodingKeys: String, CodingKey { case requestItems = "RequestItems" }
}

struct BatchWriteItemResponse: Decodable {
    var unprocessedItems: [String: [WriteRequest]]?
    enum CodingKeys: String, CodingKey { case unprocessedItems = "UnprocessedItems" }
}

extension DynamoDBClient {
    /// The most writes DynamoDB takes in one `BatchWriteItem`.
    static let batchWriteLimit = 25

    /// Writes everything, 25 at a time, retrying `UnprocessedItems` with
    /// the throttling backoff at most `maxRetryRounds` times per batch
    /// (and never past `deadline`); what is still left then is thrown as
    /// ``DynamoDBError/unprocessedItems(_:)``.
    @discardableResult
    package func batchWriteItem(
        _ writes: [String: [WriteRequest]],
        maxRetryRounds: Int = 5,
        deadline: Deadline = .none
    ) throws(DynamoDBError) -> BatchWriteResult {
        let flat = writes.sorted { $0.key < $1.key }.flatMap { table, requests in requests.map { (table, $0) } }
        for (_, write) in flat { try validate(write.attributes) }
        var result = BatchWriteResult(requests: 0, retriedWrites: 0)
        var start = 0
        while start < flat.count {
            let chunk = flat[start..<min(start + Self.batchWriteLimit, flat.count)]
            let batch = Dictionary(grouping: chunk, by: \.0).mapValues { $0.map(\.1) }
            try writeBatch(batch, maxRetryRounds: maxRetryRounds, deadline: deadline, result: &result)
            start += Self.batchWriteLimit
        }
        return result
    }

    private func writeBatch(
        _ batch: [String: [WriteRequest]],
        maxRetryRounds: Int,
        deadline: Deadline,
        result: inout BatchWriteResult
    ) throws(DynamoDBError) {
        var pending = batch
        var round = 0
        while true {
            let response = try invoke("BatchWriteItem", BatchWriteItemRequest(requestItems: pending), as: BatchWriteItemResponse.self, deadline: deadline)
            result.requests += 1
            let unprocessed = (response.unprocessedItems ?? [:]).filter { !$0.value.isEmpty }
            guard !unprocessed.isEmpty else { return }
            round += 1
            let delay = aws.service.retry.delayMilliseconds(
                beforeRetry: round,
                kind: .throttling,
                unitRandom: aws.dependencies.random.nextUnitInterval()
            )
            let remaining = deadline.remainingMilliseconds(at: aws.dependencies.clock.nowEpochMilliseconds())
            guard round <= maxRetryRounds, remaining.map({ $0 - delay >= aws.service.timeouts.minimumAttemptMilliseconds }) ?? true else {
                throw .unprocessedItems(unprocessed)
            }
            result.retriedWrites += unprocessed.values.reduce(0) { $0 + $1.count }
            aws.dependencies.sleeper.sleep(milliseconds: delay)
            pending = unprocessed
        }
    }
}
