/// `GET /api/v1/sessions/{id}`: one coaching session and what it cost.
package struct SessionDetail: Codable, Sendable, Equatable {
    package var sessionID: String
    package var conversationID: String
    package var topic: CoachingTopic
    package var status: ConversationStatus
    package var startedAt: ContractDate
    package var completedAt: ContractDate?
    package var model: String?
    package var tokenUsage: TokenUsage
    package var estimatedCostUSD: Double
    /// What the session produced (values named, a purpose statement...), in the coach's words.
    package var outcomes: [String]?

    package init(sessionID: String, conversationID: String, topic: CoachingTopic, status: ConversationStatus,
                startedAt: ContractDate, completedAt: ContractDate? = nil, model: String? = nil,
                tokenUsage: TokenUsage = TokenUsage(), estimatedCostUSD: Double = 0, outcomes: [String]? = nil) {
        self.sessionID = sessionID
        self.conversationID = conversationID
        self.topic = topic
        self.status = status
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.model = model
        self.tokenUsage = tokenUsage
        self.estimatedCostUSD = estimatedCostUSD
        self.outcomes = outcomes
    }

    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id"
        case conversationID = "conversation_id"
        case topic, status
        case startedAt = "started_at"
        case completedAt = "completed_at"
        case model
        case tokenUsage = "token_usage"
        case estimatedCostUSD = "estimated_cost_usd"
        case outcomes
    }
}
