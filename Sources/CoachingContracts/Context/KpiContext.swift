/// A key performance indicator (the .NET API's newer name is "measure").
package struct KpiContext: Codable, Sendable, Equatable {
    package var id: String
    package var name: String
    package var currentValue: Double?
    package var targetValue: Double?
    package var unit: String?

    package init(id: String, name: String, currentValue: Double? = nil, targetValue: Double? = nil, unit: String? = nil) {
        self.id = id
        self.name = name
        self.currentValue = currentValue
        self.targetValue = targetValue
        self.unit = unit
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name
        case currentValue = "current_value"
        case targetValue = "target_value"
        case unit
    }
}

extension KpiContext: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.id, .name])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> KpiContext? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var id: String?, name: String?, currentValue: Double?, targetValue: Double?, unit: String?
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .id: id = try reader.readToken()
            case .name: name = try reader.readText(maxCharacters: ContractLimits.maxNameCharacters)
            case .currentValue: currentValue = try reader.readDouble(nullable: true)
            case .targetValue: targetValue = try reader.readDouble(nullable: true)
            case .unit: unit = try reader.readText(maxCharacters: ContractLimits.maxLabelCharacters, allowsBlank: true, nullable: true)
            }
        }
        reader.endObject(object, fields)
        guard reader.issueCount == mark, let id, let name else { return nil }
        return KpiContext(id: id, name: name, currentValue: currentValue, targetValue: targetValue, unit: unit)
    }
}
