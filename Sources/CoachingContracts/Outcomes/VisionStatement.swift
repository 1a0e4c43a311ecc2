/// A vision: a short vivid statement, the year it describes, and its pillars.
package struct VisionStatement: Codable, Sendable, Equatable {
    /// 1...1000 characters.
    package var statement: String
    /// The year the vision describes (2000...2100).
    package var horizonYear: Int?
    /// 1...5 markers or pillars, each 1...400 characters.
    package var pillars: [String]

    package init(statement: String, horizonYear: Int? = nil, pillars: [String] = []) {
        self.statement = statement
        self.horizonYear = horizonYear
        self.pillars = pillars
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case statement
        case horizonYear = "horizon_year"
        case pillars
    }
}

extension VisionStatement: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.statement, .pillars])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> VisionStatement? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var vision = VisionStatement(statement: "")
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .statement: vision.statement = try reader.readText(maxCharacters: ContractLimits.maxVisionCharacters) ?? ""
            case .horizonYear: vision.horizonYear = try reader.readInt(in: ContractLimits.horizonYearRange, nullable: true)
            case .pillars:
                vision.pillars = try reader.readTexts(
                    count: ContractLimits.visionPillarCount, maxCharacters: ContractLimits.maxOutcomeSentenceCharacters) ?? []
            }
        }
        reader.endObject(object, fields)
        return reader.issueCount == mark ? vision : nil
    }
}
