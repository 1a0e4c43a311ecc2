/// `POST /api/v1/conversations/initiate`: start a conversation on a topic.
/// `context` is accepted as the legacy name of `business_context`.
package struct InitiateConversationRequest: Codable, Sendable, Equatable {
    package var topic: CoachingTopic
    package var businessContext: BusinessContext?
    /// A short language code; `en` when absent.
    package var language: String

    package init(topic: CoachingTopic, businessContext: BusinessContext? = nil, language: String = "en") {
        self.topic = topic
        self.businessContext = businessContext
        self.language = language
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case topic
        case businessContext = "business_context"
        case context
        case language
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        topic = try container.decode(CoachingTopic.self, forKey: .topic)
        businessContext = try container.decodeIfPresent(BusinessContext.self, forKey: .businessContext)
            ?? container.decodeIfPresent(BusinessContext.self, forKey: .context)
        language = try container.decodeIfPresent(String.self, forKey: .language) ?? "en"
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(topic, forKey: .topic)
        try container.encodeIfPresent(businessContext, forKey: .businessContext)
        try container.encode(language, forKey: .language)
    }
}

extension InitiateConversationRequest: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.topic], aliases: [.context: .businessContext])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> InitiateConversationRequest? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var request = InitiateConversationRequest(topic: .coreValues)
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .topic: request.topic = try reader.readEnum(CoachingTopic.self) ?? .coreValues
            case .businessContext, .context: request.businessContext = try reader.readBusinessContext()
            case .language: request.language = try reader.readToken(.language, nullable: true) ?? "en"
            }
        }
        reader.endObject(object, fields)
        return reader.issueCount == mark ? request : nil
    }
}
