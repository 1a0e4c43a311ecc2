import CoachingContracts

/// The owner's latest confirmed outcome of one topic, kept apart from the
/// conversation that produced it and without expiry: the conversation may
/// expire, the result stays (the `OUTCOME#topic` item).
package struct OutcomeRecord: Sendable, Equatable {
    package var tenantID: String
    package var userID: String
    package var topic: CoachingTopic
    package var conversationID: String
    /// Carries `confirmed_at`.
    package var outcome: CoachingOutcome
    /// Epoch milliseconds of the confirmation (or of the latest revision).
    package var confirmedAt: Int64

    package init(tenantID: String, userID: String, topic: CoachingTopic, conversationID: String, outcome: CoachingOutcome, confirmedAt: Int64) {
        self.tenantID = tenantID
        self.userID = userID
        self.topic = topic
        self.conversationID = conversationID
        self.outcome = outcome
        self.confirmedAt = confirmedAt
    }
}
