/// Addresses one conversation. The tenant always comes from verified
/// identity, so another tenant's conversation id simply does not resolve.
package struct ConversationKey: Sendable, Hashable {
    package var tenantID: String
    package var conversationID: String

    package init(tenantID: String, conversationID: String) {
        self.tenantID = tenantID
        self.conversationID = conversationID
    }
}
