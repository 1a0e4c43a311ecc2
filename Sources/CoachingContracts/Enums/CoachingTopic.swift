/// What a coaching conversation is about.
package enum CoachingTopic: String, Codable, Sendable, CaseIterable {
    case coreValues = "core_values"
    case purpose
    case vision
    case goals
}
