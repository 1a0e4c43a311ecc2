import CoachingContracts
import Essentials

extension CoachingService {
    /// A new conversation on `topic`, opened by the coach's first question.
    package struct Start: Sendable {
        package var topic: CoachingTopic
        package var language: String
        package var businessContext: BusinessContext?

        package init(topic: CoachingTopic, language: String = "en", businessContext: BusinessContext? = nil) {
            self.topic = topic
            self.language = language
            self.businessContext = businessContext
        }
    }

    /// The new conversation and the coach's opening message.
    package struct Started: Sendable, Equatable {
        package var conversation: ConversationRecord
        package var opening: MessageRecord
    }

    /// Creates a conversation, its session and the opening message in one write.
    package func start(_ identity: CallerIdentity, _ start: Start, deadline: Deadline) throws(CoachingError) -> Started {
        let now = self.now
        let expiresAt = expiry(from: now)
        let definition = TopicCatalog.definition(for: start.topic)
        let opening = MessageRecord(
            seq: 1, role: .assistant, content: OpeningMessage.text(for: definition, context: start.businessContext),
            createdAt: now,
            reply: ReplyMetadata(phase: .introduction, followUpQuestion: definition.openingQuestion, model: OpeningMessage.model,
                                 businessContextUsed: start.businessContext?.user?.name != nil),
            expiresAt: expiresAt
        )
        let conversation = ConversationRecord(
            tenantID: identity.tenantID, conversationID: ids.makeID(), userID: identity.userID, sessionID: ids.makeID(),
            topic: start.topic, messageCount: 1, version: 1, language: start.language,
            createdAt: now, updatedAt: now, expiresAt: expiresAt
        )
        do {
            try save(ConversationWrite(conversation: conversation, expectedVersion: nil, newMessages: [opening]), deadline: deadline)
        } catch {
            throw CoachingError(error)
        }
        return Started(conversation: conversation, opening: opening)
    }
}

/// The coach's first message: the topic's opening question, greeting the
/// user by name when the business context gives one.
enum OpeningMessage {
    /// Recorded as the model of opening messages: no model wrote them.
    static let model = "opening-template"

    static func text(for definition: TopicDefinition, context: BusinessContext?) -> String {
        let intro = "Let's work on your \(definition.title.lowercased()). By the end we'll have \(definition.outcome)."
        if let name = context?.user?.name.trimmingWhitespace(), !name.isEmpty {
            return "Hi \(name). \(intro) \(definition.openingQuestion)"
        }
        return "\(intro) \(definition.openingQuestion)"
    }
}
