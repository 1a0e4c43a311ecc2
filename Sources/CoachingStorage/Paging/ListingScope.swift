import Coaching

/// The listing a cursor belongs to: a kind and the ids that scope it, kept
/// as separate fields so that no two listings share a scope (with one
/// joined string, tenant `t:a` with user `u` and tenant `t` with user `a:u`
/// had the same one, and one's cursor opened the other's listing).
struct ListingScope: Equatable, Sendable {
    let fields: [String]

    /// Messages oldest first, or newest first: a cursor opens only a listing in its own order.
    static func messages(_ key: ConversationKey, newestFirst: Bool = false) -> ListingScope {
        ListingScope(fields: [newestFirst ? "messages-desc" : "messages", key.tenantID, key.conversationID])
    }

    static func conversations(tenantID: String, userID: String) -> ListingScope {
        ListingScope(fields: ["conversations", tenantID, userID])
    }

    static func sessions(tenantID: String, userID: String) -> ListingScope {
        ListingScope(fields: ["sessions", tenantID, userID])
    }
}
