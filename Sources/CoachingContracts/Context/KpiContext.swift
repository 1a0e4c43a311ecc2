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
        // The .NET API's camelCase (System.Text.Json default policy).
        case currentValueCamel = "currentValue"
        case targetValueCamel = "targetValue"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        currentValue = try container.decodeIfPresent(Double.self, forKey: .currentValue)
            ?? container.decodeIfPresent(Double.self, forKey: .currentValueCamel)
        targetValue = try container.decodeIfPresent(Double.self, forKey: .targetValue)
            ?? container.decodeIfPresent(Double.self, forKey: .targetValueCamel)
        unit = try container.decodeIfPresent(String.self, forKey: .unit)
    }

    /// Writes the contract's snake_case names only.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(currentValue, forKey: .currentValue)
        try container.encodeIfPresent(targetValue, forKey: .targetValue)
        try container.encodeIfPresent(unit, forKey: .unit)
    }
}

extension KpiContext: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.id, .name], aliases: [.currentValueCamel: .currentValue, .targetValueCamel: .targetValue])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> KpiContext? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var id: String?, name: String?, currentValue: Double?, targetValue: Double?, unit: String?
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .id: id = try reader.readToken()
            case .name: name = try reader.readText(maxCharacters: ContractLimits.maxNameCharacters)
            case .currentValue, .currentValueCamel: currentValue = try reader.readDouble(nullable: true)
            case .targetValue, .targetValueCamel: targetValue = try reader.readDouble(nullable: true)
            case .unit: unit = try reader.readText(maxCharacters: ContractLimits.maxLabelCharacters, allowsBlank: true, nullable: true)
            }
        }
        reader.endObject(object, fields)
        guard reader.issueCount == mark, let id, let name else { return nil }
        return KpiContext(id: id, name: name, currentValue: currentValue, targetValue: targetValue, unit: unit)
    }
}
