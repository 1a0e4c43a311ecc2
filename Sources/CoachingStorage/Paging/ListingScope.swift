import Coaching

/// The listing a cursor belongs to: a kind and the ids that scope it, kept
/// as separate fields so that no two listings share a scope (with one
/// joined string, tenant `t:a` with user `u` and tenant `t` with user `a:u`
/// had the same one, and one's cursor opened the other's listing).
struct ListingScope: Equatable, Sendable {
    let fields: [String]

    static func messages(_ key: ConversationKey) -> ListingScope {
        ListingScope(fields: ["messages", key.tenantID, key.conversationID])
    }

    static func conversations(tenantID: String, userID: String) -> ListingScope {
        ListingScope(fields: ["conversations", tenantID, userID])
    }

    static func sessions(tenantID: String, userID: String) -> ListingScope {
        ListingScope(fields: ["sessions", tenantID, userID])
    }
}
