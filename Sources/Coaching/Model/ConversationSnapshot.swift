/// A conversation header with its most recent messages, as one read returns them.
package struct ConversationSnapshot: Sendable, Equatable {
    package var conversation: ConversationRecord
    /// The newest messages, oldest first.
    package var recentMessages: [MessageRecord]

    package init(conversation: ConversationRecord, recentMessages: [MessageRecord]) {
        self.conversation = conversation
        self.recentMessages = recentMessages
    }
}
