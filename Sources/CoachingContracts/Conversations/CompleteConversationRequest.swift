/// `POST /api/v1/conversations/{id}/complete`; the body may be empty.
package struct CompleteConversationRequest: Codable, Sendable, Equatable {
    /// At most 1000 characters, trimmed.
    package var feedback: String?
    /// 1...5.
    package var rating: Int?
    /// The outcome the owner confirms by completing; without one, the
    /// conversation's current draft is confirmed (when it is usable).
    package var outcome: CoachingOutcome?

    package init(feedback: String? = nil, rating: Int? = nil, outcome: CoachingOutcome? = nil) {
        self.feedback = feedback
        self.rating = rating
        self.outcome = outcome
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case feedback, rating, outcome
    }
}

extension CompleteConversationRequest: JSONContract {
    package static var acceptsEmptyBody: Bool { true }
    static let fields = FieldTable<CodingKeys>()

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> CompleteConversationRequest? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var request = CompleteConversationRequest()
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .feedback:
                request.feedback = try reader.readText(maxCharacters: ContractLimits.maxFeedbackCharacters, allowsBlank: true, nullable: true)
            case .rating: request.rating = try reader.readInt(in: ContractLimits.ratingRange, nullable: true)
            case .outcome: request.outcome = try reader.readModel(CoachingOutcome.self, nullable: true)
            }
        }
        reader.endObject(object, fields)
        return reader.issueCount == mark ? request : nil
    }
}
