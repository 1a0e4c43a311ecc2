/// How a coaching reply was produced.
package struct CoachingResponseMetadata: Codable, Sendable, Equatable {
    /// The model id, or `offline` for the built-in coach.
    package var model: String
    /// True when the configured model failed and the offline coach answered instead.
    package var fallback: Bool
    /// True when the model stopped at its token limit and the reply is cut short.
    package var truncated: Bool
    package var phase: ConversationPhase
    package var progress: Double
    package var source: RequestSource
    package var dataScope: String?
    package var usage: TokenUsage
    /// The language the reply is in (`en` from the offline coach whatever was asked).
    package var language: String
    /// Whether a business context grounded the reply, and whether it was older than the configured age.
    package var businessContextUsed: Bool
    package var businessContextStale: Bool

    package init(model: String, fallback: Bool, truncated: Bool = false, phase: ConversationPhase, progress: Double? = nil,
                source: RequestSource, dataScope: String? = nil, usage: TokenUsage = TokenUsage(), language: String = "en",
                businessContextUsed: Bool = false, businessContextStale: Bool = false) {
        self.language = language
        self.businessContextUsed = businessContextUsed
        self.businessContextStale = businessContextStale
        self.model = model
        self.fallback = fallback
        self.truncated = truncated
        self.phase = phase
        self.progress = progress ?? phase.progress
        self.source = source
        self.dataScope = dataScope
        self.usage = usage
    }

    /// `truncated` is read as false when absent: answers of versions before it
    /// (and state machines that relay them) still decode.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decode(String.self, forKey: .model)
        fallback = try container.decode(Bool.self, forKey: .fallback)
        truncated = try container.decodeIfPresent(Bool.self, forKey: .truncated) ?? false
        phase = try container.decode(ConversationPhase.self, forKey: .phase)
        progress = try container.decode(Double.self, forKey: .progress)
        source = try container.decode(RequestSource.self, forKey: .source)
        dataScope = try container.decodeIfPresent(String.self, forKey: .dataScope)
        usage = try container.decode(TokenUsage.self, forKey: .usage)
        language = try container.decodeIfPresent(String.self, forKey: .language) ?? "en"
        businessContextUsed = try container.decodeIfPresent(Bool.self, forKey: .businessContextUsed) ?? false
        businessContextStale = try container.decodeIfPresent(Bool.self, forKey: .businessContextStale) ?? false
    }

    enum CodingKeys: String, CodingKey {
        case model, fallback, truncated, phase, progress, source
        case dataScope = "data_scope"
        case usage, language
        case businessContextUsed = "business_context_used"
        case businessContextStale = "business_context_stale"
    }

}
