/// `POST /api/v1/conversations/{id}/pause`; the body may be empty.
package struct PauseConversationRequest: Codable, Sendable, Equatable {
    /// At most 500 characters, trimmed.
    package var reason: String?

    package init(reason: String? = nil) {
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case reason
    }
}

extension PauseConversationRequest: JSONContract {
    package static var acceptsEmptyBody: Bool { true }
    static let fields = FieldTable<CodingKeys>()

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> PauseConversationRequest? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var request = PauseConversationRequest()
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .reason:
                request.reason = try reader.readText(maxCharacters: ContractLimits.maxPauseReasonCharacters, allowsBlank: true, nullable: true)
            }
        }
        reader.endObject(object, fields)
        return reader.issueCount == mark ? request : nil
    }
}
