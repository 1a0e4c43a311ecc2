import Coaching
extension StopReason {
    /// Reads Converse's `stopReason`; values this service does not know
    /// (`tool_use`, future ones) are kept as ``StopReason/other(_:)``.
    init(converseStopReason value: String) {
        switch value {
        case "end_turn": self = .endTurn
        case "max_tokens": self = .maxTokens
        case "stop_sequence": self = .stopSequence
        case "guardrail_intervened": self = .guardrailIntervened
        case "content_filtered": self = .contentFiltered
        default: self = .other(value)
        }
    }
}
