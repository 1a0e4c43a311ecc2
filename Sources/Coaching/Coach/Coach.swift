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
/// the caller's own (tenant-scoped by construction).
package struct CoachingTurn: Sendable {
    package var topic: CoachingTopic
    /// The phase the conversation is in when the owner speaks; `completion`
    /// when this message confirmed the draft.
    package var phase: ConversationPhase
    /// The phase the minimums allow after this turn (``PhasePolicy``): the
    /// coach moves there when it judges the goal of `phase` met.
    package var allowedPhase: ConversationPhase
    /// User turns so far in this phase, not counting this one.
    package var userTurnsInPhase: Int
    /// Owner responses in the conversation, counting this one.
    package var responses: Int
    package var language: String
    /// The context sent with this message, or else the one stored with the conversation.
    package var businessContext: BusinessContext?
    /// The context's `retrieved_at` is older than the configured age.
    package var businessContextStale: Bool
    /// The owner's confirmed outcomes of earlier topics (the journey), oldest topic first.
    package var journey: [CoachingOutcome]
    /// The current draft outcome, if one was proposed.
    package var draft: CoachingOutcome?
    /// The confirmed outcome, when `phase` is completion.
    package var confirmed: CoachingOutcome?
    /// The owner said yes, but the draft still lacks these parts (so it was not confirmed).
    package var confirmationBlockedBy: [String]
    /// Question categories the owner has answered so far.
    package var categoriesCovered: [String]
    /// True when few turns remain before the conversation's length limit.
    package var nearTurnLimit: Bool
    /// Older turns folded into a summary, if any.
    package var summary: String?
    /// Recent turns, oldest first, already trimmed to the history budget.
    package var history: [MessageRecord]
    /// What the user just said (validated, trimmed).
    package var userMessage: String

    package init(
        topic: CoachingTopic, phase: ConversationPhase, allowedPhase: ConversationPhase? = nil, userTurnsInPhase: Int,
        responses: Int = 1, language: String = "en", businessContext: BusinessContext? = nil, businessContextStale: Bool = false,
        journey: [CoachingOutcome] = [], draft: CoachingOutcome? = nil, confirmed: CoachingOutcome? = nil,
        confirmationBlockedBy: [String] = [], categoriesCovered: [String] = [], nearTurnLimit: Bool = false,
        summary: String? = nil, history: [MessageRecord] = [], userMessage: String
    ) {
        self.topic = topic
        self.phase = phase
        self.allowedPhase = allowedPhase ?? phase
        self.userTurnsInPhase = userTurnsInPhase
        self.responses = responses
        self.language = language
        self.businessContext = businessContext
        self.businessContextStale = businessContextStale
        self.journey = journey
        self.draft = draft
        self.confirmed = confirmed
        self.confirmationBlockedBy = confirmationBlockedBy
        self.categoriesCovered = categoriesCovered
        self.nearTurnLimit = nearTurnLimit
        self.summary = summary
        self.history = history
        self.userMessage = userMessage
    }

    /// Everything the owner has said that the coach can see, oldest first, ending with this message.
    package var ownerMessages: [String] {
        history.filter { $0.role == .user }.map(\.content) + [userMessage]
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
    /// Whether the coach judged the goal of the turn's phase met (the phase then
    /// advances, within ``PhasePolicy``'s minimums); `nil` when it said nothing.
    package var phaseGoalMet: Bool?
    /// Why, in the coach's words (for logs and tests; never shown as such).
    package var assessment: String?
    /// The category of the question the reply asks (one of the topic's).
    package var questionCategory: String?
    /// A new or revised draft outcome; `nil` keeps the current one.
    package var draftOutcome: CoachingOutcome?
    /// The language the reply is written in.
    package var language: String

    package init(
        text: String, followUpQuestion: String? = nil, suggestions: [String] = [], model: String, fallback: Bool = false,
        truncated: Bool = false, usage: ModelUsage = .zero, businessContextUsed: Bool = false, latencyMilliseconds: Int = 0,
        phaseGoalMet: Bool? = nil, assessment: String? = nil, questionCategory: String? = nil,
        draftOutcome: CoachingOutcome? = nil, language: String = "en"
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
        self.phaseGoalMet = phaseGoalMet
        self.assessment = assessment
        self.questionCategory = questionCategory
        self.draftOutcome = draftOutcome
        self.language = language
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
