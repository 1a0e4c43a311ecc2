/// `POST /api/v1/conversations/{id}/resume`: no fields; the body may be empty or `{}`.
package struct ResumeConversationRequest: Codable, Sendable, Equatable {
    package init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case unused = "_"
    }

    package init(from decoder: any Decoder) throws {}

    package func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: CodingKeys.self)
    }
}

extension ResumeConversationRequest: JSONContract {
    package static var acceptsEmptyBody: Bool { true }
    static let fields = FieldTable<CodingKeys>()

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> ResumeConversationRequest? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        while try reader.nextField(&object, in: fields) != nil {
            try reader.skipValue()
        }
        reader.endObject(object, fields)
        return reader.issueCount == mark ? ResumeConversationRequest() : nil
    }
}
