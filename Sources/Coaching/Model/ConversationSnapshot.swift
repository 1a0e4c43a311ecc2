/// A conversation header with its most recent messages, as one read returns them.
public struct ConversationSnapshot: Sendable, Equatable {
    public var conversation: ConversationRecord
    /// The newest messages, oldest first.
    public var recentMessages: [MessageRecord]

    public init(conversation: ConversationRecord, recentMessages: [MessageRecord]) {
        self.conversation = conversation
        self.recentMessages = recentMessages
    }
}
