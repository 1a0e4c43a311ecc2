/// Which page of a listing to read.
package struct PageRequest: Sendable, Equatable {
    /// At most this many items (the caller has already bounded it).
    package var limit: Int
    /// The opaque cursor from the previous page, if any.
    package var cursor: String?
    /// Messages newest first (the end of a long chat in one read); oldest first by default.
    package var newestFirst: Bool

    package init(limit: Int, cursor: String? = nil, newestFirst: Bool = false) {
        self.limit = limit
        self.cursor = cursor
        self.newestFirst = newestFirst
    }
}

/// One page of a listing, with the cursor for the next one (`nil` at the end).
package struct Page<Item: Sendable & Equatable>: Sendable, Equatable {
    package var items: [Item]
    package var nextCursor: String?

    package init(items: [Item], nextCursor: String? = nil) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
