/// `POST /api/v1/conversations/{id}/message`. The text is `user_message`
/// (`message` is accepted too); `metadata` is a small map of client hints.
package struct SendMessageRequest: Codable, Sendable, Equatable {
    /// 1...4000 characters, trimmed.
    package var userMessage: String
    package var metadata: [String: String]?
    /// Replaces the business context stored with the conversation.
    package var businessContext: BusinessContext?

    package init(userMessage: String, metadata: [String: String]? = nil, businessContext: BusinessContext? = nil) {
        self.userMessage = userMessage
        self.metadata = metadata
        self.businessContext = businessContext
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case userMessage = "user_message"
        case message
        case metadata
        case businessContext = "business_context"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        userMessage = try container.decodeIfPresent(String.self, forKey: .userMessage)
            ?? container.decode(String.self, forKey: .message)
        metadata = try container.decodeIfPresent([String: String].self, forKey: .metadata)
        businessContext = try container.decodeIfPresent(BusinessContext.self, forKey: .businessContext)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(userMessage, forKey: .userMessage)
        try container.encodeIfPresent(metadata, forKey: .metadata)
        try container.encodeIfPresent(businessContext, forKey: .businessContext)
    }
}

extension SendMessageRequest: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.userMessage], aliases: [.message: .userMessage])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> SendMessageRequest? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var request = SendMessageRequest(userMessage: "")
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .userMessage, .message:
                request.userMessage = try reader.readText(maxCharacters: ContractLimits.maxMessageCharacters) ?? ""
            case .metadata:
                request.metadata = try reader.readStringMap(
                    maxEntries: ContractLimits.maxMetadataEntries, maxValueCharacters: ContractLimits.maxMetadataValueCharacters, nullable: true)
            case .businessContext: request.businessContext = try reader.readBusinessContext()
            }
        }
        reader.endObject(object, fields)
        return reader.issueCount == mark ? request : nil
    }
}
