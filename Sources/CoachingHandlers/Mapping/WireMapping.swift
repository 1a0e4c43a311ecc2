import Coaching
import CoachingContracts
import FoundationEssentials

/// Domain records to wire types.
enum WireMapping {
    static func date(_ epochMilliseconds: Int64) -> ContractDate {
        ContractDate(Date(timeIntervalSince1970: Double(epochMilliseconds) / 1000))
    }

    static func usage(_ usage: ModelUsage) -> CoachingContracts.TokenUsage {
        CoachingContracts.TokenUsage(inputTokens: usage.inputTokens, outputTokens: usage.outputTokens)
    }

    static func summary(_ conversation: ConversationRecord) -> ConversationSummary {
        ConversationSummary(
            conversationID: conversation.conversationID, sessionID: conversation.sessionID,
            title: TopicCatalog.definition(for: conversation.topic).title, topic: conversation.topic,
            status: conversation.status, phase: conversation.phase, messageCount: conversation.messageCount,
            createdAt: date(conversation.createdAt), updatedAt: date(conversation.updatedAt),
            completedAt: conversation.completedAt.map(date), lastMessagePreview: conversation.lastMessagePreview
        )
    }

    static func message(_ message: MessageRecord) -> ConversationMessage {
        ConversationMessage(seq: message.seq, role: message.role, content: message.content, createdAt: date(message.createdAt),
                            phase: message.reply?.phase, suggestions: message.reply.map(\.suggestions))
    }

    static func state(_ conversation: ConversationRecord) -> ConversationStateResponse {
        ConversationStateResponse(
            conversationID: conversation.conversationID, status: conversation.status, phase: conversation.phase,
            updatedAt: date(conversation.updatedAt), outcome: conversation.outcome, draftOutcome: conversation.draftOutcome
        )
    }

    static func session(_ session: SessionRecord) -> SessionDetail {
        SessionDetail(
            sessionID: session.sessionID, conversationID: session.conversationID, topic: session.topic, status: session.status,
            startedAt: date(session.startedAt), completedAt: session.completedAt.map(date), model: session.model,
            tokenUsage: usage(session.tokens), estimatedCostUSD: session.estimatedCostUSD,
            outcomes: session.outcomes.isEmpty ? nil : session.outcomes
        )
    }

    static func started(_ started: CoachingService.Started) -> InitiateConversationResponse {
        InitiateConversationResponse(
            conversationID: started.conversation.conversationID, sessionID: started.conversation.sessionID,
            topic: started.conversation.topic, status: started.conversation.status, phase: started.conversation.phase,
            message: started.opening.content, createdAt: date(started.conversation.createdAt)
        )
    }

    static func sendMessage(_ outcome: TurnOutcome) -> SendMessageResponse {
        let reply = outcome.assistantMessage.reply
        return SendMessageResponse(
            conversationID: outcome.conversation.conversationID, message: outcome.assistantMessage.content,
            followUpQuestion: reply?.followUpQuestion, followUpSuggestions: reply?.suggestions ?? [],
            phase: reply?.phase ?? outcome.conversation.phase,
            isComplete: (reply?.phase ?? outcome.conversation.phase) == .completion && outcome.conversation.status == .completed,
            messageCount: max(outcome.assistantMessage.seq, outcome.conversation.messageCount),
            fallback: reply?.fallback ?? false, model: reply?.model ?? "unknown",
            draftOutcome: outcome.conversation.draftOutcome, outcome: outcome.conversation.outcome,
            businessContextUsed: reply?.businessContextUsed ?? false, language: reply?.language ?? outcome.conversation.language
        )
    }

    static func confirmed(_ record: OutcomeRecord) -> ConfirmedOutcome {
        ConfirmedOutcome(topic: record.topic, outcome: record.outcome, conversationID: record.conversationID, confirmedAt: date(record.confirmedAt))
    }

    static func coachingResponse(_ outcome: TurnOutcome, source: RequestSource, dataScope: String?) -> CoachingResponse {
        let reply = outcome.assistantMessage.reply
        let phase = reply?.phase ?? outcome.conversation.phase
        return CoachingResponse(
            message: outcome.assistantMessage.content, conversationID: outcome.conversation.conversationID,
            sessionID: outcome.conversation.sessionID, businessContextUsed: reply?.businessContextUsed ?? false,
            followUpSuggestions: reply?.suggestions ?? [],
            metadata: CoachingResponseMetadata(
                model: reply?.model ?? "unknown", fallback: reply?.fallback ?? false, truncated: reply?.truncated ?? false,
                phase: phase, source: source,
                dataScope: dataScope, usage: usage(reply?.usage ?? .zero), language: reply?.language ?? outcome.conversation.language,
                businessContextUsed: reply?.businessContextUsed ?? false, businessContextStale: reply?.businessContextStale ?? false
            ),
            isComplete: outcome.conversation.status == .completed && phase == .completion,
            draftOutcome: outcome.conversation.draftOutcome, outcome: outcome.conversation.outcome
        )
    }
}
