import CoachingContracts
import Essentials

extension CoachingService {
    /// A new conversation on `topic`, opened by the coach's first question.
    package struct Start: Sendable {
        package var topic: CoachingTopic
        package var language: String
        package var businessContext: BusinessContext?
        /// With a key, a retry finds the conversation the first attempt made.
        package var idempotencyKey: String?
        /// A digest of the canonical request; the key reused for another request is refused.
        package var requestDigest: String?

        package init(topic: CoachingTopic, language: String = "en", businessContext: BusinessContext? = nil,
                    idempotencyKey: String? = nil, requestDigest: String? = nil) {
            self.topic = topic
            self.language = language
            self.businessContext = businessContext
            self.idempotencyKey = idempotencyKey
            self.requestDigest = requestDigest
        }
    }

    /// The new conversation and the coach's opening message.
    package struct Started: Sendable, Equatable {
        package var conversation: ConversationRecord
        package var opening: MessageRecord
        /// True when this answers an idempotent retry from what was stored.
        package var replayed: Bool = false
    }

    /// Creates a conversation, its session and the opening message in one
    /// write. With an idempotency key the ids derive from it, so a retry
    /// finds the first attempt's conversation instead of making a second. It reads the owner's confirmed outcomes first
    /// (one read, for topics after core values).
    package func start(_ identity: CallerIdentity, _ start: Start, deadline: Deadline) throws(CoachingError) -> Started {
        let journey = try journey(identity, for: start.topic, deadline: deadline)
        let now = self.now
        let expiresAt = expiry(from: now)
        let definition = TopicCatalog.definition(for: start.topic)
        let opening = MessageRecord(
            seq: 1, role: .assistant, content: OpeningMessage.text(for: definition, context: start.businessContext, journey: journey),
            createdAt: now,
            reply: ReplyMetadata(phase: .introduction, followUpQuestion: definition.openingQuestion, model: OpeningMessage.model,
                                 businessContextUsed: start.businessContext?.user?.name != nil, idempotencyKey: start.idempotencyKey),
            expiresAt: expiresAt
        )
        var conversationID = ids.makeID()
        var sessionID = ids.makeID()
        var remembered: [IdempotencyEntry] = []
        if let key = start.idempotencyKey {
            conversationID = DerivedIdentifier.make([identity.tenantID, identity.userID, "initiate", key])
            sessionID = DerivedIdentifier.make([identity.tenantID, identity.userID, "initiate-session", key])
            remembered = [IdempotencyEntry(key: key, assistantSeq: opening.seq, requestDigest: start.requestDigest)]
            if let earlier = try startedEarlier(identity, conversationID, start, deadline: deadline) { return earlier }
        }
        let conversation = ConversationRecord(
            tenantID: identity.tenantID, conversationID: conversationID, userID: identity.userID, sessionID: sessionID,
            topic: start.topic, messageCount: 1, version: 1, language: start.language,
            createdAt: now, updatedAt: now, lastMessagePreview: ConversationRecord.preview(of: opening.content),
            idempotencyKeys: remembered, expiresAt: expiresAt, businessContext: start.businessContext, journey: journey
        )
        do {
            try save(ConversationWrite(conversation: conversation, expectedVersion: nil, newMessages: [opening]), deadline: deadline)
        } catch .alreadyExists {
            // A concurrent retry with the same key created it first.
            if let earlier = try startedEarlier(identity, conversationID, start, deadline: deadline) { return earlier }
            throw .conflict
        } catch {
            throw CoachingError(error)
        }
        return Started(conversation: conversation, opening: opening)
    }

    /// What an earlier initiate with the same key started, if it did.
    private func startedEarlier(
        _ identity: CallerIdentity, _ conversationID: String, _ start: Start, deadline: Deadline
    ) throws(CoachingError) -> Started? {
        guard let key = start.idempotencyKey else { return nil }
        let snapshot: ConversationSnapshot
        do {
            snapshot = try loadOwned(identity, conversationID, recentMessages: 0, deadline: deadline)
        } catch .conversationNotFound {
            return nil
        }
        guard let seq = try snapshot.conversation.answer(for: key, requestDigest: start.requestDigest) else { throw .conflict }
        let opening: MessageRecord?
        do {
            opening = try store.message(snapshot.conversation.key, seq: seq, deadline: deadline)
        } catch {
            throw CoachingError(error)
        }
        guard let opening else { throw .conflict }
        return Started(conversation: snapshot.conversation, opening: opening, replayed: true)
    }
}

/// The coach's first message: the topic's opening question, greeting the
/// user by name when the business context gives one.
enum OpeningMessage {
    /// Recorded as the model of opening messages: no model wrote them.
    static let model = "opening-template"

    static func text(for definition: TopicDefinition, context: BusinessContext?, journey: [CoachingOutcome] = []) -> String {
        var intro = "Let's work on your \(definition.title.lowercased()). By the end we'll have \(definition.outcome)."
        if !journey.isEmpty {
            intro += " We'll build on what you have already confirmed: " + journey.map(OutcomeText.line).joined(separator: ". ") + "."
        }
        if let name = context?.user?.name.trimmingWhitespace(), !name.isEmpty {
            return "Hi \(name). \(intro) \(definition.openingQuestion)"
        }
        return "\(intro) \(definition.openingQuestion)"
    }
}
