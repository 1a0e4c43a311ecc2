/// Where a conversation stands. `abandoned` is the soft-deleted state.
package enum ConversationStatus: String, Codable, Sendable, CaseIterable {
    case active
    case paused
    case completed
    case abandoned
}
