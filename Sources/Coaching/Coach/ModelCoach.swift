import CoachingContracts
import Essentials
import FoundationEssentials

/// A coach backed by a language model: builds the prompt, calls the model,
/// and reads the reply as plain text.
package struct ModelCoach: Coach {
    package let model: any LanguageModel
    package let builder: PromptBuilder
    package let maxTokens: Int
    package let temperature: Double
    package let clock: any EpochClock
    /// Time kept back from the deadline for storing the turn and answering.
    let reserveMilliseconds: Int64

    package init(
        model: any LanguageModel, builder: PromptBuilder = PromptBuilder(), maxTokens: Int = 2_000,
        temperature: Double = 0.7, clock: any EpochClock = SystemClock(), reserveMilliseconds: Int64 = 1_500
    ) {
        self.model = model
        self.builder = builder
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.clock = clock
        self.reserveMilliseconds = reserveMilliseconds
    }

    /// What the owner sees when a guardrail or content filter stops the reply.
    static let refusal = "I can't help with that part, but I'd like to keep working on your business with you. Could you tell me a bit more about what you're aiming for?"

    package func reply(to turn: CoachingTurn, deadline: Deadline) throws(CoachError) -> CoachReply {
        let today = Date(timeIntervalSince1970: Double(clock.nowEpochMilliseconds()) / 1000)
        let prompt = builder.build(turn, today: today)
        let request = ModelRequest(system: prompt.system, messages: prompt.messages, maxTokens: maxTokens, temperature: temperature)
        let response: ModelResponse
        do {
            response = try model.complete(request, deadline: deadline.reserving(milliseconds: reserveMilliseconds))
        } catch {
            switch error {
            case .rejected(let reason), .notFound(let reason), .accessDenied(let reason):
                throw .rejected(reason)
            case .throttled: throw .unavailable("throttled")
            case .timedOut: throw .unavailable("timed out")
            case .unavailable(let reason), .malformedResponse(let reason): throw .unavailable(reason)
            }
        }
        let usedContext = turn.businessContext.map { !$0.isEmpty } ?? false
        switch response.stopReason {
        case .guardrailIntervened, .contentFiltered:
            return CoachReply(text: Self.refusal, followUpQuestion: lastQuestion(in: Self.refusal), model: response.modelID,
                              usage: response.usage, businessContextUsed: usedContext, latencyMilliseconds: response.latencyMilliseconds,
                              phaseGoalMet: false, language: turn.language)
        default:
            var parsed = ReplyParser.parse(response.text, topic: turn.topic)
            parsed.text = ReplyText.bounded(parsed.text, maxBytes: ReplyText.maxReplyBytes)
            parsed.followUpQuestion = parsed.followUpQuestion.map { ReplyText.bounded($0, maxBytes: ReplyText.maxReplyBytes) }
            parsed.suggestions = parsed.suggestions.map { ReplyText.bounded($0, maxBytes: ReplyText.maxSuggestionBytes) }
            guard !parsed.text.isEmpty else { throw .unavailable("empty reply") }
            return CoachReply(
                text: parsed.text, followUpQuestion: parsed.followUpQuestion,
                suggestions: parsed.suggestions.isEmpty ? SuggestionBank.suggestions(for: turn.topic, phase: turn.phase) : parsed.suggestions,
                model: response.modelID, truncated: response.stopReason == .maxTokens, usage: response.usage,
                businessContextUsed: usedContext, latencyMilliseconds: response.latencyMilliseconds,
                phaseGoalMet: parsed.goalMet, assessment: parsed.assessment, questionCategory: parsed.category,
                draftOutcome: parsed.draft, language: turn.language
            )
        }
    }
}
