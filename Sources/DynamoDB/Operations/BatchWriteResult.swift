/// What a `BatchWriteItem` call cost.
public struct BatchWriteResult: Sendable, Equatable {
    /// Requests sent: at least one per 25 writes, plus one per retry of
    /// unprocessed items.
    public var requests: Int
    /// Writes that came back unprocessed at least once and were retried.
    public var retriedWrites: Int

    public init(requests: Int, retriedWrites: Int) {
        self.requests = requests
        self.retriedWrites = retriedWrites
    }
}
