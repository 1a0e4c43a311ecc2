/// Who wrote a conversation message.
package enum MessageRole: String, Codable, Sendable, CaseIterable {
    case user
    case assistant
    case system
}
