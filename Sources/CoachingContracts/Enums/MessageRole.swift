/// Who wrote a conversation message.
public enum MessageRole: String, Codable, Sendable, CaseIterable {
    case user
    case assistant
    case system
}
