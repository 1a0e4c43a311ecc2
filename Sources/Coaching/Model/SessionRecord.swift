import CoachingContracts

/// A coaching session (one item in the coaching-sessions table), kept in
/// step with its conversation by the same atomic writes.
package struct SessionRecord: Sendable, Equatable {
    package var tenantID: String
    package var sessionID: String
    package var conversationID: String
    package var userID: String
    package var topic: CoachingTopic
    package var status: ConversationStatus
    /// Epoch milliseconds.
    package var startedAt: Int64
    package var updatedAt: Int64
    package var completedAt: Int64?
    package var tokens: ModelUsage
    /// Estimated model cost in US dollars, from the configured token prices.
    package var estimatedCostUSD: Double
    /// The model that answered the latest turn.
    package var model: String?
    package var outcomes: [String]
    package var version: Int
    /// Epoch seconds (DynamoDB TTL).
    package var expiresAt: Int64

    package init(
        tenantID: String, sessionID: String, conversationID: String, userID: String, topic: CoachingTopic,
        status: ConversationStatus = .active, startedAt: Int64, updatedAt: Int64, completedAt: Int64? = nil,
        tokens: ModelUsage = .zero, estimatedCostUSD: Double = 0, model: String? = nil, outcomes: [String] = [],
        version: Int = 1, expiresAt: Int64
    ) {
        self.tenantID = tenantID
        self.sessionID = sessionID
        self.conversationID = conversationID
        self.userID = userID
        self.topic = topic
        self.status = status
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.tokens = tokens
        self.estimatedCostUSD = estimatedCostUSD
        self.model = model
        self.outcomes = outcomes
        self.version = version
        self.expiresAt = expiresAt
    }
}
