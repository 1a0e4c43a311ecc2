/// `GET /api/v1/conversations/{id}`: the conversation and one page of its messages.
package struct ConversationDetail: Codable, Sendable, Equatable {
    package var summary: ConversationSummary
    package var messages: [ConversationMessage]
    /// Where the next page of messages starts; absent on the last page.
    package var nextCursor: String?
    /// The coach's current draft and the confirmed outcome (`null` when there is none).
    package var draftOutcome: CoachingOutcome?
    package var outcome: CoachingOutcome?

    package init(summary: ConversationSummary, messages: [ConversationMessage], nextCursor: String? = nil,
                draftOutcome: CoachingOutcome? = nil, outcome: CoachingOutcome? = nil) {
        self.summary = summary
        self.messages = messages
        self.nextCursor = nextCursor
        self.draftOutcome = draftOutcome
        self.outcome = outcome
    }

    enum CodingKeys: String, CodingKey {
        case messages
        case nextCursor = "next_cursor"
        case draftOutcome = "draft_outcome"
        case outcome
    }

    /// The summary's fields, flattened beside `messages` and `next_cursor`.
    package init(from decoder: any Decoder) throws {
        summary = try ConversationSummary(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messages = try container.decode([ConversationMessage].self, forKey: .messages)
        nextCursor = try container.decodeIfPresent(String.self, forKey: .nextCursor)
        draftOutcome = try container.decodeIfPresent(CoachingOutcome.self, forKey: .draftOutcome)
        outcome = try container.decodeIfPresent(CoachingOutcome.self, forKey: .outcome)
    }

    package func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(messages, forKey: .messages)
        try container.encodeIfPresent(nextCursor, forKey: .nextCursor)
        try container.encode(draftOutcome, forKey: .draftOutcome)
        try container.encode(outcome, forKey: .outcome)
    }
}
