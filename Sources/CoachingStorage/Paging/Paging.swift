import Coaching
/// Newest-first paging over records with a recency sort key (conversations,
/// sessions); the cursor holds the last key returned.
enum RecencyPaging {
    static func page<Item: Sendable & Equatable>(
        _ items: [Item], scope: ListingScope, request: PageRequest, sortKey: (Item) -> String
    ) throws(StoreError) -> Page<Item> {
        var sorted = items.map { (key: sortKey($0), item: $0) }.sorted { $0.key > $1.key }
        if let cursor = request.cursor {
            let after = try PageCursor.recencyKey(cursor, scope: scope).text
            sorted.removeAll { $0.key >= after }
        }
        let selected = Array(sorted.prefix(request.limit))
        let next = sorted.count > request.limit ? selected.last.map { PageCursor.encode(scope, [$0.key]) } : nil
        return Page(items: selected.map(\.item), nextCursor: next)
    }
}

/// Paging over messages, oldest or newest first; the cursor holds the last
/// sequence number returned and opens only a listing in the same order.
enum SequencePaging {
    /// The cursor scope of a message listing in `request`'s order.
    static func scope(_ key: ConversationKey, _ request: PageRequest) -> ListingScope {
        .messages(key, newestFirst: request.newestFirst)
    }

    static func page(_ messages: [MessageRecord], scope: ListingScope, request: PageRequest) throws(StoreError) -> Page<MessageRecord> {
        let after = try request.cursor.map { (cursor: String) throws(StoreError) -> Int in try PageCursor.sequence(cursor, scope: scope) }
        let remaining = request.newestFirst
            ? messages.filter { $0.seq < (after ?? Int.max) }.sorted { $0.seq > $1.seq }
            : messages.filter { $0.seq > (after ?? 0) }.sorted { $0.seq < $1.seq }
        let items = Array(remaining.prefix(request.limit))
        let next = remaining.count > request.limit ? items.last.map { PageCursor.encode(scope, [String($0.seq)]) } : nil
        return Page(items: items, nextCursor: next)
    }
}
