/// The stages every coaching conversation moves through, in order.
package enum ConversationPhase: String, Codable, Sendable, CaseIterable, Comparable {
    case introduction
    case exploration
    case deepening
    case synthesis
    case validation
    case completion

    /// How far along the conversation is, 0.1 (introduction) to 1.0 (completion).
    package var progress: Double {
        switch self {
        case .introduction: 0.1
        case .exploration: 0.3
        case .deepening: 0.5
        case .synthesis: 0.7
        case .validation: 0.9
        case .completion: 1.0
        }
    }

    /// The phase after this one; completion stays completion.
    package var next: ConversationPhase {
        let all = Self.allCases
        guard let index = all.firstIndex(of: self), index + 1 < all.count else { return .completion }
        return all[index + 1]
    }

    package static func < (lhs: ConversationPhase, rhs: ConversationPhase) -> Bool {
        lhs.progress < rhs.progress
    }
}
