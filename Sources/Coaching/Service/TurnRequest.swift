import CoachingContracts

/// One user message to the coach, whichever way it arrived (the message
/// route, Pattern A chat, or the Step Functions task).
package struct TurnRequest: Sendable {
    /// `nil` starts a new conversation with this message (Pattern A chat).
    package var conversationID: String?
    /// When given, must be the conversation's session.
    package var sessionID: String?
    /// The topic of a new conversation (default core values); ignored otherwise.
    package var topic: CoachingTopic?
    /// The validated, trimmed message.
    package var message: String
    package var businessContext: BusinessContext?
    /// The caller's `Idempotency-Key` (or the state machine's execution and state).
    package var idempotencyKey: String?
    /// A digest of the canonical request, kept with the key so that the key
    /// reused for another request is refused (`nil`: not compared).
    package var requestDigest: String?
    package var language: String?

    package init(
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
package struct TurnOutcome: Sendable, Equatable {
    /// The conversation after the turn.
    package var conversation: ConversationRecord
    package var userMessage: MessageRecord
    /// The coach's message; its ``MessageRecord/reply`` carries phase, model, usage.
    package var assistantMessage: MessageRecord
    /// True when this answers an idempotent retry from what was stored.
    package var replayed: Bool
    /// The live reply (latency, truncation); `nil` for a replay.
    package var reply: CoachReply?
    /// True when the turn started the conversation.
    package var created: Bool
}
