import CoachingContracts

/// One user message to the coach, whichever way it arrived (the message
/// route, Pattern A chat, or the Step Functions task).
public struct TurnRequest: Sendable {
    /// `nil` starts a new conversation with this message (Pattern A chat).
    public var conversationID: String?
    /// When given, must be the conversation's session.
    public var sessionID: String?
    /// The topic of a new conversation (default core values); ignored otherwise.
    public var topic: CoachingTopic?
    /// The validated, trimmed message.
    public var message: String
    public var businessContext: BusinessContext?
    /// The caller's `Idempotency-Key` (or the state machine's execution and state).
    public var idempotencyKey: String?
    /// A digest of the canonical request, kept with the key so that the key
    /// reused for another request is refused (`nil`: not compared).
    public var requestDigest: String?
    public var language: String?

    public init(
        conversationID: String? = nil, sessionID: String? = nil, topic: CoachingTopic? = nil, message: String,
        businessContext: BusinessContext? = nil, idempotencyKey: String? = nil, requestDigest: String? = nil, language: String? = nil
    ) {
        self.conversationID = conversationID
        self.sessionID = sessionID
        self.topic = topic
        self.message = message
        self.businessContext = businessContext
        self.idempotencyKey = idempotencyKey
        self.requestDigest = requestDigest
        self.language = language
    }
}

/// What a turn produced.
public struct TurnOutcome: Sendable, Equatable {
    /// The conversation after the turn.
    public var conversation: ConversationRecord
    public var userMessage: MessageRecord
    /// The coach's message; its ``MessageRecord/reply`` carries phase, model, usage.
    public var assistantMessage: MessageRecord
    /// True when this answers an idempotent retry from what was stored.
    public var replayed: Bool
    /// The live reply (latency, truncation); `nil` for a replay.
    public var reply: CoachReply?
    /// True when the turn started the conversation.
    public var created: Bool
}
