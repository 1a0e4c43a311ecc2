import Coaching
/// Everything the file store keeps about one conversation, in one file, so
/// that one atomic rename covers the header, the session and the messages.
struct ConversationDocument: Codable, Sendable {
    var conversation: ConversationItem
    var session: SessionItem
    var messages: [MessageItem]

    enum CodingKeys: String, CodingKey {
        case conversation, session, messages
    }
}
