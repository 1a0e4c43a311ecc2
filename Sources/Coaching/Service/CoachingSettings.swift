
/// Tunables of the coaching domain, from configuration.
package struct CoachingSettings: Sendable, Equatable {
    /// Messages read with the header for each turn.
    package var recentMessageWindow: Int
    /// How long records live after their last write (DynamoDB TTL).
    package var retentionDays: Int
    /// Attempts at an append that keeps conflicting with concurrent writers.
    package var maxWriteAttempts: Int
    /// Base of the jittered pause between such attempts.
    var conflictBackoffMilliseconds: Int
    /// Idempotency keys remembered per conversation.
    var rememberedIdempotencyKeys: Int
    /// Messages a conversation may hold (API4: unrestricted consumption).
    package var maxMessagesPerConversation: Int
    /// US dollars per million input and output tokens, for cost estimates.
    package var inputCostPerMillionTokens: Double
    package var outputCostPerMillionTokens: Double
    package var history: HistoryBudget
    /// A business context whose `retrieved_at` is older than this is marked stale in the prompt.
    package var contextMaxAgeHours: Int
    /// When this few owner turns remain before ``maxMessagesPerConversation``, the coach offers to wrap up.
    package var wrapUpTurns: Int

    package init(
        recentMessageWindow: Int = 24, retentionDays: Int = 365, maxWriteAttempts: Int = 5, conflictBackoffMilliseconds: Int = 25,
        rememberedIdempotencyKeys: Int = 20, maxMessagesPerConversation: Int = 400,
        inputCostPerMillionTokens: Double = 0, outputCostPerMillionTokens: Double = 0,
        history: HistoryBudget = HistoryBudget(), contextMaxAgeHours: Int = 24, wrapUpTurns: Int = 3
    ) {
        self.contextMaxAgeHours = contextMaxAgeHours
        self.wrapUpTurns = wrapUpTurns
        self.recentMessageWindow = recentMessageWindow
        self.retentionDays = retentionDays
        self.maxWriteAttempts = maxWriteAttempts
        self.conflictBackoffMilliseconds = conflictBackoffMilliseconds
        self.rememberedIdempotencyKeys = rememberedIdempotencyKeys
        self.maxMessagesPerConversation = maxMessagesPerConversation
        self.inputCostPerMillionTokens = inputCostPerMillionTokens
        self.outputCostPerMillionTokens = outputCostPerMillionTokens
        self.history = history
    }

    func estimatedCost(_ usage: ModelUsage) -> Double {
        let cost = Double(usage.inputTokens) * inputCostPerMillionTokens / 1_000_000
            + Double(usage.outputTokens) * outputCostPerMillionTokens / 1_000_000
        return (cost * 1_000_000).rounded() / 1_000_000
    }
}
