import Coaching
extension StopReason {
    /// Reads `finish_reason`: `stop` (or none) ends the turn, `length` is a
    /// truncation, `content_filter` a refusal; others are kept as they are.
    init(finishReason value: String?) {
        switch value {
        case nil, "stop": self = .endTurn
        case "length": self = .maxTokens
        case "content_filter": self = .contentFiltered
        case let other?: self = .other(other)
        }
    }
}
