/// Why one action of a cancelled transaction failed, in action order.
/// `code` is `"None"` for actions that did not cause the cancellation.
package struct CancellationReason: Sendable, Equatable, Decodable {
    /// `ConditionalCheckFailed`, `TransactionConflict`, `ThrottlingError`,
    /// `ItemCollectionSizeLimitExceeded`, `ValidationError`, `None` …
    package var code: String?
    package var message: String?
    /// The item as it is, when the action asked for `ALL_OLD` on failure.
    package var item: DynamoDBItem?

    package init(code: String?, message: String? = nil, item: DynamoDBItem? = nil) {
        self.code = code
        self.message = message
        self.item = item
    }

    enum CodingKeys: String, CodingKey {
        case code = "Code"
        case message = "Message"
        case item = "Item"
    }

    /// Whether this action caused the cancellation.
    package var isFailure: Bool { code != nil && code != "None" }
}
