/// One core value: a name of a few words and what it means in daily decisions.
package struct CoreValue: Codable, Sendable, Equatable {
    /// 1...80 characters.
    package var name: String
    /// One sentence on how the value shows up in daily decisions; 1...400 characters.
    package var meaning: String

    package init(name: String, meaning: String) {
        self.name = name
        self.meaning = meaning
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, meaning
    }
}

extension CoreValue: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.name, .meaning])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> CoreValue? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var name: String?, meaning: String?
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .name: name = try reader.readText(maxCharacters: ContractLimits.maxOutcomeNameCharacters)
            case .meaning: meaning = try reader.readText(maxCharacters: ContractLimits.maxOutcomeSentenceCharacters)
            }
        }
        reader.endObject(object, fields)
        guard reader.issueCount == mark, let name, let meaning else { return nil }
        return CoreValue(name: name, meaning: meaning)
    }
}
