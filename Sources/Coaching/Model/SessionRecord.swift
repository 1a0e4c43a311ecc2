import LanguageModels
import CoachingContracts

/// A coaching session (one item in the coaching-sessions table), kept in
/// step with its conversation by the same atomic writes.
public struct SessionRecord: Sendable, Equatable {
    public var tenantID: String
    public var sessionID: String
    public var conversationID: String
    public var userID: String
    public var topic: CoachingTopic
    public var status: ConversationStatus
    /// Epoch milliseconds.
    public var startedAt: Int64
    public var updatedAt: Int64
    public var completedAt: Int64?
    public var tokens: ModelUsage
    /// Estimated model cost in US dollars, from the configured token prices.
    public var estimatedCostUSD: Double
    /// The model that answered the latest turn.
    public var model: String?
    public var outcomes: [String]
    public var version: Int
    /// Epoch seconds (DynamoDB TTL).
    public var expiresAt: Int64

    public init(
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
