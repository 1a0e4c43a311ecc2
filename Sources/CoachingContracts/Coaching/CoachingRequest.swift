/// `POST /api/v1/coaching/chat` (Pattern A): one message to the coach, optionally
/// with the business context the frontend already holds.
///
/// Starts a conversation when `conversation_id` is absent. Identity (`user_id`,
/// `tenant_id`) never comes from here: such keys are ignored.
package struct CoachingRequest: Codable, Sendable, Equatable {
    /// 1...4000 characters, trimmed.
    package var message: String
    package var conversationID: String?
    package var sessionID: String?
    package var topic: CoachingTopic?
    package var businessContext: BusinessContext?
    package var source: RequestSource

    package init(message: String, conversationID: String? = nil, sessionID: String? = nil, topic: CoachingTopic? = nil,
                businessContext: BusinessContext? = nil, source: RequestSource = .direct) {
        self.message = message
        self.conversationID = conversationID
        self.sessionID = sessionID
        self.topic = topic
        self.businessContext = businessContext
        self.source = source
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case message
        case conversationID = "conversation_id"
        case sessionID = "session_id"
        case topic
        case businessContext = "business_context"
        case source
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        message = try container.decode(String.self, forKey: .message)
        conversationID = try container.decodeIfPresent(String.self, forKey: .conversationID)
        sessionID = try container.decodeIfPresent(String.self, forKey: .sessionID)
        topic = try container.decodeIfPresent(CoachingTopic.self, forKey: .topic)
        businessContext = try container.decodeIfPresent(BusinessContext.self, forKey: .businessContext)
        source = try container.decodeIfPresent(RequestSource.self, forKey: .source) ?? .direct
    }
}

extension CoachingRequest: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.message])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> CoachingRequest? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var request = CoachingRequest(message: "")
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .message: request.message = try reader.readText(maxCharacters: ContractLimits.maxMessageCharacters) ?? ""
            case .conversationID: request.conversationID = try reader.readToken(nullable: true)
            case .sessionID: request.sessionID = try reader.readToken(nullable: true)
            case .topic: request.topic = try reader.readEnum(CoachingTopic.self, nullable: true)
            case .businessContext: request.businessContext = try reader.readBusinessContext()
            case .source: request.source = try reader.readEnum(RequestSource.self, nullable: true) ?? .direct
            }
        }
        reader.endObject(object, fields)
        return reader.issueCount == mark ? request : nil
    }
}
