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
            let step = advance(conversation, latestMessage: request.message)
            let answer: CoachReply
            if let reply {
                answer = reply
            } else {
                answer = try coachReply(conversation, step: step, plan: plan, request: request, deadline: deadline)
            }
            reply = answer
            let turn = makeTurn(after: conversation, expectedVersion: conversation.version, step: step, plan: plan, reply: answer, request: request)
            do {
                try save(turn.write, deadline: deadline)
                return turn.outcome
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
        let blank = ConversationRecord(
            tenantID: identity.tenantID, conversationID: conversationID, userID: identity.userID, sessionID: sessionID,
            topic: request.topic ?? .coreValues, version: 0, language: request.language ?? "en",
            createdAt: now, updatedAt: now, expiresAt: expiry(from: now)
        )
        let plan = HistoryBudget.Plan(history: [], summary: nil, summarizedThrough: 0)
        let step = advance(blank, latestMessage: request.message)
        let answer = try coachReply(blank, step: step, plan: plan, request: request, deadline: deadline)
        var turn = makeTurn(after: blank, expectedVersion: nil, step: step, plan: plan, reply: answer, request: request)
        turn.outcome.created = true
        do {
            try save(turn.write, deadline: deadline)
            return turn.outcome
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

    /// Where the conversation stands once the user has spoken.
    struct PhaseStep {
        var phase: ConversationPhase
        /// User turns in `phase` after this turn (0 when the turn moved it on).
        var userTurnsInPhase: Int
    }

    func advance(_ conversation: ConversationRecord, latestMessage: String) -> PhaseStep {
        let turnsInPhase = conversation.userTurnsInPhase + 1
        let next = PhasePolicy.phase(
            after: conversation.phase, in: TopicCatalog.definition(for: conversation.topic),
            userTurnsInPhase: turnsInPhase, latestMessage: latestMessage
        )
        return PhaseStep(phase: next, userTurnsInPhase: next == conversation.phase ? turnsInPhase : 0)
    }

    private func coachReply(
        _ conversation: ConversationRecord, step: PhaseStep, plan: HistoryBudget.Plan, request: TurnRequest, deadline: Deadline
    ) throws(CoachingError) -> CoachReply {
        let turn = CoachingTurn(
            topic: conversation.topic, phase: step.phase, userTurnsInPhase: step.userTurnsInPhase,
            language: conversation.language, businessContext: request.businessContext, summary: plan.summary,
            history: plan.history, userMessage: request.message
        )
        do {
            return try coach.reply(to: turn, deadline: deadline)
        } catch {
            throw .modelUnavailable(FailureCause(error.reason))
        }
    }

    private struct Turn {
        var write: ConversationWrite
        var outcome: TurnOutcome
    }

    private func makeTurn(
        after conversation: ConversationRecord, expectedVersion: Int?, step: PhaseStep, plan: HistoryBudget.Plan,
        reply: CoachReply, request: TurnRequest
    ) -> Turn {
        let now = self.now
        let expiresAt = expiry(from: now)
        let userMessage = MessageRecord(
            seq: conversation.messageCount + 1, role: .user, content: request.message, createdAt: now, expiresAt: expiresAt
        )
        let assistantMessage = MessageRecord(
            seq: conversation.messageCount + 2, role: .assistant, content: reply.text, createdAt: now,
            reply: ReplyMetadata(
                phase: step.phase, followUpQuestion: reply.followUpQuestion, suggestions: reply.suggestions,
                model: reply.model, fallback: reply.fallback, truncated: reply.truncated, usage: reply.usage,
                businessContextUsed: reply.businessContextUsed, idempotencyKey: request.idempotencyKey
            ),
            expiresAt: expiresAt
        )
        var updated = conversation
        updated.messageCount += 2
        updated.userTurns += 1
        updated.phase = step.phase
        updated.userTurnsInPhase = step.userTurnsInPhase
        updated.version = (expectedVersion ?? 0) + 1
        updated.updatedAt = now
        updated.expiresAt = expiresAt
        updated.summary = plan.summary
        updated.summarizedThrough = plan.summarizedThrough
        updated.tokens = updated.tokens + reply.usage
        updated.estimatedCostUSD += settings.estimatedCost(reply.usage)
        updated.lastModel = reply.model
        updated.lastMessagePreview = ConversationRecord.preview(of: reply.text)
        if step.phase == .completion {
            updated.status = .completed
            updated.completedAt = now
            updated.outcomes = [String(reply.text.prefix(2_000))]
        }
        if let key = request.idempotencyKey {
            updated.idempotencyKeys.append(IdempotencyEntry(key: key, assistantSeq: assistantMessage.seq, requestDigest: request.requestDigest))
            updated.idempotencyKeys = Array(updated.idempotencyKeys.suffix(settings.rememberedIdempotencyKeys))
        }
        let write = ConversationWrite(conversation: updated, expectedVersion: expectedVersion, newMessages: [userMessage, assistantMessage])
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
