/// Model tokens spent, as the provider reported them.
package struct TokenUsage: Codable, Sendable, Equatable {
    package var inputTokens: Int
    package var outputTokens: Int

    package init(inputTokens: Int = 0, outputTokens: Int = 0) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }

    package static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        TokenUsage(inputTokens: saturated(lhs.inputTokens, rhs.inputTokens), outputTokens: saturated(lhs.outputTokens, rhs.outputTokens))
    }

    /// Counts come from providers: a sum never traps, it stops at `Int.max`.
    private static func saturated(_ lhs: Int, _ rhs: Int) -> Int {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        return overflow ? (rhs < 0 ? Int.min : Int.max) : sum
    }

    enum CodingKeys: String, CodingKey {
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
    }
}
