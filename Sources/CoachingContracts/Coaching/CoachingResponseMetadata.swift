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

    package init(model: String, fallback: Bool, truncated: Bool = false, phase: ConversationPhase, progress: Double? = nil,
                source: RequestSource, dataScope: String? = nil, usage: TokenUsage = TokenUsage()) {
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
    }

    enum CodingKeys: String, CodingKey {
        case model, fallback, truncated, phase, progress, source
        case dataScope = "data_scope"
        case usage
    }
}
