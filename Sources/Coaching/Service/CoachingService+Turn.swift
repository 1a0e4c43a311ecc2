import Essentials
import FoundationEssentials
import CoachingContracts
import Essentials

extension CoachingService {
    /// Takes one user turn: loads the conversation and its recent messages
    /// (one read), asks the coach, and stores the user's message, the reply,
    /// the header and the session in one atomic write.
    package func takeTurn(_ identity: CallerIdentity, _ request: TurnRequest, deadline: Deadline) throws(CoachingError) -> TurnOutcome {
        guard let conversationID = request.conversationID else {
            return try startWithTurn(identity, request, deadline: deadline)
        }
        var reply: CoachReply?
        for attempt in 0..<settings.maxWriteAttempts {
            if attempt > 0 { backOff(after: attempt - 1, deadline: deadline) }
            let snapshot = try loadOwned(identity, conversationID, recentMessages: settings.recentMessageWindow, deadline: deadline)
            let conversation = snapshot.conversation
            if let key = request.idempotencyKey, let seq = try conversation.answer(for: key, requestDigest: request.requestDigest) {
                return try replay(snapshot, assistantSeq: seq, deadline: deadline)
            }
            if let sessionID = request.sessionID, sessionID != conversation.sessionID { throw .sessionMismatch }
            guard conversation.status == .active else { throw .conversationNotActive(conversation.status) }
            guard conversation.messageCount <= settings.maxMessagesPerConversation - 2 else { throw .conversationFull }

            let plan = settings.history.plan(
                summary: conversation.summary, summarizedThrough: conversation.summarizedThrough, recent: snapshot.recentMessages
            )
            let turn = coachingTurn(conversation, plan: plan, request: request)
            let answer: CoachReply
            if let reply {
                answer = reply
            } else {
                answer = try coachReply(turn, deadline: deadline)
            }
            reply = answer
            let built = makeTurn(after: conversation, expectedVersion: conversation.version, turn: turn, plan: plan, reply: answer, request: request)
            do {
                try save(built.write, deadline: deadline)
                return built.outcome
            } catch .conflict {
                continue
            } catch {
                throw CoachingError(error)
            }
        }
        throw .conflict
    }

    /// Pattern A without a conversation id: the message starts a conversation.
    private func startWithTurn(_ identity: CallerIdentity, _ request: TurnRequest, deadline: Deadline) throws(CoachingError) -> TurnOutcome {
        let conversationID: String
        let sessionID: String
        if let key = request.idempotencyKey {
            // A retry derives the same ids, finds the conversation and replays.
            conversationID = DerivedIdentifier.make([identity.tenantID, identity.userID, "conversation", key])
            sessionID = DerivedIdentifier.make([identity.tenantID, identity.userID, "session", key])
            if let existing = try? loadOwned(identity, conversationID, recentMessages: settings.recentMessageWindow, deadline: deadline),
               let seq = try existing.conversation.answer(for: key, requestDigest: request.requestDigest) {
                return try replay(existing, assistantSeq: seq, deadline: deadline)
            }
        } else {
            conversationID = ids.makeID()
            sessionID = ids.makeID()
        }
        let now = self.now
        let topic = request.topic ?? .coreValues
        let blank = ConversationRecord(
            tenantID: identity.tenantID, conversationID: conversationID, userID: identity.userID, sessionID: sessionID,
            topic: topic, version: 0, language: request.language ?? "en",
            createdAt: now, updatedAt: now, expiresAt: expiry(from: now),
            businessContext: request.businessContext, journey: try journey(identity, for: topic, deadline: deadline)
        )
        let plan = HistoryBudget.Plan(history: [], summary: nil, summarizedThrough: 0)
        let turn = coachingTurn(blank, plan: plan, request: request)
        let answer = try coachReply(turn, deadline: deadline)
        var built = makeTurn(after: blank, expectedVersion: nil, turn: turn, plan: plan, reply: answer, request: request)
        built.outcome.created = true
        do {
            try save(built.write, deadline: deadline)
            return built.outcome
        } catch .alreadyExists {
            // A concurrent retry with the same key created it first.
            if let key = request.idempotencyKey,
               let existing = try? loadOwned(identity, conversationID, recentMessages: settings.recentMessageWindow, deadline: deadline),
               let seq = try existing.conversation.answer(for: key, requestDigest: request.requestDigest) {
                return try replay(existing, assistantSeq: seq, deadline: deadline)
            }
            throw .conflict
        } catch {
            throw CoachingError(error)
        }
    }

    /// The owner's confirmed outcomes a new conversation on `topic` builds on (one read;
    /// none for core values, the first topic, so no read at all).
    func journey(_ identity: CallerIdentity, for topic: CoachingTopic, deadline: Deadline) throws(CoachingError) -> [CoachingOutcome] {
        guard topic.journeyOrder > 0 else { return [] }
        do {
            return try store.outcomes(tenantID: identity.tenantID, userID: identity.userID, deadline: deadline)
                .filter { topic.builds(on: $0.topic) }
                .map(\.outcome)
        } catch {
            throw CoachingError(error)
        }
    }

    /// What the coach gets for this turn: the phase (completion when the
    /// message confirms a usable draft), the phase the minimums allow next,
    /// the context (the message's, else the stored one) and the journey.
    func coachingTurn(_ conversation: ConversationRecord, plan: HistoryBudget.Plan, request: TurnRequest) -> CoachingTurn {
        let now = self.now
        let responses = conversation.userTurns + 1
        var phase = conversation.phase
        var confirmed: CoachingOutcome?
        var blockedBy: [String] = []
        if let draft = conversation.draftOutcome, conversation.phase >= .synthesis, ConfirmationReader.isConfirmation(request.message) {
            if draft.isUsable {
                phase = .completion
                confirmed = draft
                confirmed?.confirmedAt = ContractDate(Date(timeIntervalSince1970: Double(now) / 1000))
            } else {
                blockedBy = draft.missingParts
            }
        }
        let progress = PhasePolicy.Progress(
            responses: responses, categories: conversation.categoriesCovered.count, hasDraft: conversation.draftOutcome != nil
        )
        let allowed = phase == .completion ? .completion : PhasePolicy.phase(after: phase, goalMet: true, progress)
        let context = request.businessContext ?? conversation.businessContext
        let remainingTurns = (settings.maxMessagesPerConversation - conversation.messageCount - 2) / 2
        return CoachingTurn(
            topic: conversation.topic, phase: phase, allowedPhase: allowed, userTurnsInPhase: conversation.userTurnsInPhase,
            responses: responses, language: conversation.language, businessContext: context,
            businessContextStale: isStale(context, now: now), journey: conversation.journey, draft: conversation.draftOutcome,
            confirmed: confirmed, confirmationBlockedBy: blockedBy, categoriesCovered: conversation.categoriesCovered,
            nearTurnLimit: remainingTurns <= settings.wrapUpTurns, summary: plan.summary, history: plan.history,
            userMessage: request.message
        )
    }

    /// Whether the context was retrieved longer ago than the configured age.
    func isStale(_ context: BusinessContext?, now: Int64) -> Bool {
        guard let retrieved = context?.retrievedAt?.date.timeIntervalSince1970 else { return false }
        return Double(now) / 1000 - retrieved > Double(settings.contextMaxAgeHours) * 3_600
    }

    private func coachReply(_ turn: CoachingTurn, deadline: Deadline) throws(CoachingError) -> CoachReply {
        do {
            return try coach.reply(to: turn, deadline: deadline)
        } catch {
            throw .modelUnavailable(FailureCause(error.reason))
        }
    }

    /// The phase after the turn: the coach's assessment moves it on, never past
    /// what the minimums allow, never into validation without a draft, and
    /// never into completion without the owner's confirmation.
    func resolvedPhase(_ turn: CoachingTurn, reply: CoachReply, draft: CoachingOutcome?) -> ConversationPhase {
        if turn.phase == .completion { return .completion }
        // A coach that gives no assessment (the offline one) follows the minimums.
        var phase = reply.phaseGoalMet ?? true ? turn.allowedPhase : turn.phase
        if phase == .validation, draft == nil { phase = .synthesis }
        return phase
    }

    private struct Turn {
        var write: ConversationWrite
        var outcome: TurnOutcome
    }

    private func makeTurn(
        after conversation: ConversationRecord, expectedVersion: Int?, turn: CoachingTurn, plan: HistoryBudget.Plan,
        reply: CoachReply, request: TurnRequest
    ) -> Turn {
        let now = self.now
        let expiresAt = expiry(from: now)
        // Drafts count from synthesis on, and only for this conversation's topic.
        var draft = conversation.draftOutcome
        if let proposed = reply.draftOutcome, proposed.topic == conversation.topic, turn.phase != .completion,
           max(turn.phase, turn.allowedPhase) >= .synthesis {
            draft = proposed
        }
        let phase = resolvedPhase(turn, reply: reply, draft: draft)
        let userMessage = MessageRecord(
            seq: conversation.messageCount + 1, role: .user, content: request.message, createdAt: now, expiresAt: expiresAt
        )
        let assistantMessage = MessageRecord(
            seq: conversation.messageCount + 2, role: .assistant, content: reply.text, createdAt: now,
            reply: ReplyMetadata(
                phase: phase, followUpQuestion: reply.followUpQuestion, suggestions: reply.suggestions,
                model: reply.model, fallback: reply.fallback, truncated: reply.truncated, usage: reply.usage,
                businessContextUsed: reply.businessContextUsed, idempotencyKey: request.idempotencyKey,
                language: reply.language, businessContextStale: reply.businessContextUsed && turn.businessContextStale
            ),
            expiresAt: expiresAt
        )
        var updated = conversation
        updated.messageCount += 2
        updated.userTurns += 1
        updated.userTurnsInPhase = phase == conversation.phase ? conversation.userTurnsInPhase + 1 : 0
        updated.phase = phase
        updated.version = (expectedVersion ?? 0) + 1
        updated.updatedAt = now
        updated.expiresAt = expiresAt
        updated.summary = plan.summary
        updated.summarizedThrough = plan.summarizedThrough
        updated.tokens = updated.tokens + reply.usage
        updated.estimatedCostUSD += settings.estimatedCost(reply.usage)
        updated.lastModel = reply.model
        updated.lastMessagePreview = ConversationRecord.preview(of: reply.text)
        updated.draftOutcome = draft
        if let context = request.businessContext { updated.businessContext = context }
        if let category = reply.questionCategory, TopicCatalog.definition(for: conversation.topic).questionCategories.contains(category),
           !updated.categoriesCovered.contains(category) {
            updated.categoriesCovered.append(category)
        }
        var confirmedOutcome: OutcomeRecord?
        if phase == .completion, let confirmed = turn.confirmed {
            updated.status = .completed
            updated.completedAt = now
            updated.outcome = confirmed
            updated.outcomes = [OutcomeText.line(confirmed)]
            confirmedOutcome = OutcomeRecord(
                tenantID: conversation.tenantID, userID: conversation.userID, topic: conversation.topic,
                conversationID: conversation.conversationID, outcome: confirmed, confirmedAt: now
            )
        }
        if let key = request.idempotencyKey {
            updated.idempotencyKeys.append(IdempotencyEntry(key: key, assistantSeq: assistantMessage.seq, requestDigest: request.requestDigest))
            updated.idempotencyKeys = Array(updated.idempotencyKeys.suffix(settings.rememberedIdempotencyKeys))
        }
        let write = ConversationWrite(
            conversation: updated, expectedVersion: expectedVersion, newMessages: [userMessage, assistantMessage],
            confirmedOutcome: confirmedOutcome
        )
        let outcome = TurnOutcome(
            conversation: updated, userMessage: userMessage, assistantMessage: assistantMessage,
            replayed: false, reply: reply, created: false
        )
        return Turn(write: write, outcome: outcome)
    }

    /// Answers an idempotent retry from what the first attempt stored.
    private func replay(_ snapshot: ConversationSnapshot, assistantSeq: Int, deadline: Deadline) throws(CoachingError) -> TurnOutcome {
        func find(_ seq: Int) throws(CoachingError) -> MessageRecord? {
            if let message = snapshot.recentMessages.first(where: { $0.seq == seq }) { return message }
            do {
                return try store.message(snapshot.conversation.key, seq: seq, deadline: deadline)
            } catch {
                throw CoachingError(error)
            }
        }
        guard let assistant = try find(assistantSeq), let user = try find(assistantSeq - 1) else { throw .conflict }
        return TurnOutcome(
            conversation: snapshot.conversation, userMessage: user, assistantMessage: assistant,
            replayed: true, reply: nil, created: assistantSeq == 2
        )
    }
}
