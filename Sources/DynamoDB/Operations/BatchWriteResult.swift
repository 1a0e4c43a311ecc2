/// What a `BatchWriteItem` call cost.
package struct BatchWriteResult: Sendable, Equatable {
    /// Requests sent: at least one per 25 writes, plus one per retry of
    /// unprocessed items.
    package var requests: Int
    /// Writes that came back unprocessed at least once and were retried.
    package var retriedWrites: Int

    package init(requests: Int, retriedWrites: Int) {
        self.requests = requests
        self.retriedWrites = retriedWrites
    }
}
