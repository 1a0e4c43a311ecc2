/// How a coaching reply was produced.
public struct CoachingResponseMetadata: Codable, Sendable, Equatable {
    /// The model id, or `offline` for the built-in coach.
    public var model: String
    /// True when the configured model failed and the offline coach answered instead.
    public var fallback: Bool
    public var phase: ConversationPhase
    public var progress: Double
    public var source: RequestSource
    public var dataScope: String?
    public var usage: TokenUsage

    public init(model: String, fallback: Bool, phase: ConversationPhase, progress: Double? = nil, source: RequestSource,
                dataScope: String? = nil, usage: TokenUsage = TokenUsage()) {
        self.model = model
        self.fallback = fallback
        self.phase = phase
        self.progress = progress ?? phase.progress
        self.source = source
        self.dataScope = dataScope
        self.usage = usage
    }

    enum CodingKeys: String, CodingKey {
        case model, fallback, phase, progress, source
        case dataScope = "data_scope"
        case usage
    }
}
