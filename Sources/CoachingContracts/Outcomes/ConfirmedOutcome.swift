/// One item of `GET /api/v1/outcomes`: the caller's latest confirmed outcome of a topic.
package struct ConfirmedOutcome: Codable, Sendable, Equatable {
    package var topic: CoachingTopic
    package var outcome: CoachingOutcome
    /// The conversation that produced it.
    package var conversationID: String
    package var confirmedAt: ContractDate

    package init(topic: CoachingTopic, outcome: CoachingOutcome, conversationID: String, confirmedAt: ContractDate) {
        self.topic = topic
        self.outcome = outcome
        self.conversationID = conversationID
        self.confirmedAt = confirmedAt
    }

    enum CodingKeys: String, CodingKey {
        case topic, outcome
        case conversationID = "conversation_id"
        case confirmedAt = "confirmed_at"
    }
}
