import CoachingContracts
import Essentials

/// Produces the coach's reply to one user turn.
///
/// Implementations: ``ModelCoach`` (a language model behind a prompt),
/// ``OfflineCoach`` (deterministic, no network), and ``FallbackCoach``
/// (the configured coach, falling back to the offline one on failure).
package protocol Coach: Sendable {
    func reply(to turn: CoachingTurn, deadline: Deadline) throws(CoachError) -> CoachReply
}

/// Everything a coach may use to answer one turn. The business context is
/// the caller's own (tenant-scoped by construction); it is never stored.
package struct CoachingTurn: Sendable {
    package var topic: CoachingTopic
    /// The phase the conversation is in when the user speaks.
    package var phase: ConversationPhase
    /// User turns so far in this phase, not counting this one.
    package var userTurnsInPhase: Int
    package var language: String
    package var businessContext: BusinessContext?
    /// Older turns folded into a summary, if any.
    package var summary: String?
    /// Recent turns, oldest first, already trimmed to the history budget.
    package var history: [MessageRecord]
    /// What the user just said (validated, trimmed).
    package var userMessage: String

    package init(
        topic: CoachingTopic, phase: ConversationPhase, userTurnsInPhase: Int, language: String = "en",
        businessContext: BusinessContext? = nil, summary: String? = nil, history: [MessageRecord] = [], userMessage: String
    ) {
        self.topic = topic
        self.phase = phase
        self.userTurnsInPhase = userTurnsInPhase
        self.language = language
        self.businessContext = businessContext
        self.summary = summary
        self.history = history
        self.userMessage = userMessage
    }
}

/// A coach's answer to one turn.
package struct CoachReply: Sendable, Equatable {
    /// The reply shown to the user (model output as text; never executed).
    package var text: String
    /// The question the reply ends with, when one could be found.
    package var followUpQuestion: String?
    /// Short prompts the user might answer with.
    package var suggestions: [String]
    /// The model id, or `offline`.
    package var model: String
    /// True when the configured model failed and the offline coach answered.
    package var fallback: Bool
    /// Why the fallback answered, for logs and metrics (never shown to users).
    package var fallbackReason: String?
    /// True when the model stopped at its token limit.
    package var truncated: Bool
    package var usage: ModelUsage
    /// Whether the reply drew on a business context.
    package var businessContextUsed: Bool
    /// Model latency in milliseconds (0 for the offline coach).
    package var latencyMilliseconds: Int

    package init(
        text: String, followUpQuestion: String? = nil, suggestions: [String] = [], model: String, fallback: Bool = false,
        truncated: Bool = false, usage: ModelUsage = .zero, businessContextUsed: Bool = false, latencyMilliseconds: Int = 0
    ) {
        self.text = text
        self.followUpQuestion = followUpQuestion
        self.suggestions = suggestions
        self.model = model
        self.fallback = fallback
        self.fallbackReason = nil
        self.truncated = truncated
        self.usage = usage
        self.businessContextUsed = businessContextUsed
        self.latencyMilliseconds = latencyMilliseconds
    }
}

/// Why a coach could not answer.
package enum CoachError: Error, Sendable, Equatable {
    /// The model service failed, throttled past its retries, or timed out.
    case unavailable(String)
    /// The model refused the request as invalid (a bug on our side, or input
    /// it will never accept); retrying will not help.
    case rejected(String)
}
