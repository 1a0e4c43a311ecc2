/// Which page of a listing to read.
public struct PageRequest: Sendable, Equatable {
    /// At most this many items (the caller has already bounded it).
    public var limit: Int
    /// The opaque cursor from the previous page, if any.
    public var cursor: String?
    /// Messages newest first (the end of a long chat in one read); oldest first by default.
    public var newestFirst: Bool

    public init(limit: Int, cursor: String? = nil, newestFirst: Bool = false) {
        self.limit = limit
        self.cursor = cursor
        self.newestFirst = newestFirst
    }
}

/// One page of a listing, with the cursor for the next one (`nil` at the end).
public struct Page<Item: Sendable & Equatable>: Sendable, Equatable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String? = nil) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
