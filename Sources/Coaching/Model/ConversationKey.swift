/// Addresses one conversation. The tenant always comes from verified
/// identity, so another tenant's conversation id simply does not resolve.
public struct ConversationKey: Sendable, Hashable {
    public var tenantID: String
    public var conversationID: String

    public init(tenantID: String, conversationID: String) {
        self.tenantID = tenantID
        self.conversationID = conversationID
    }
}
