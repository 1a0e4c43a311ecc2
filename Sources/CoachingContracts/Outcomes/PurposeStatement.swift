/// A purpose: one sentence, who the business serves, and why that matters.
package struct PurposeStatement: Codable, Sendable, Equatable {
    /// One sentence; 1...400 characters.
    package var statement: String
    package var whoWeServe: String?
    package var whyItMatters: String?

    package init(statement: String, whoWeServe: String? = nil, whyItMatters: String? = nil) {
        self.statement = statement
        self.whoWeServe = whoWeServe
        self.whyItMatters = whyItMatters
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case statement
        case whoWeServe = "who_we_serve"
        case whyItMatters = "why_it_matters"
    }
}

extension PurposeStatement: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.statement])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> PurposeStatement? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var purpose = PurposeStatement(statement: "")
        let limit = ContractLimits.maxOutcomeSentenceCharacters
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .statement: purpose.statement = try reader.readText(maxCharacters: limit) ?? ""
            case .whoWeServe: purpose.whoWeServe = try reader.readText(maxCharacters: limit, nullable: true)
            case .whyItMatters: purpose.whyItMatters = try reader.readText(maxCharacters: limit, nullable: true)
            }
        }
        reader.endObject(object, fields)
        return reader.issueCount == mark ? purpose : nil
    }
}
