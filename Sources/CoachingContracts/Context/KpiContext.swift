/// A key performance indicator (the .NET API's newer name is "measure").
package struct KpiContext: Codable, Sendable, Equatable {
    package var id: String
    package var name: String
    package var currentValue: Double?
    package var targetValue: Double?
    package var unit: String?
    /// Whether a larger value is better (revenue) or a smaller one (waste, churn). Default true.
    package var higherIsBetter: Bool

    package init(id: String, name: String, currentValue: Double? = nil, targetValue: Double? = nil, unit: String? = nil,
                higherIsBetter: Bool = true) {
        self.id = id
        self.name = name
        self.currentValue = currentValue
        self.targetValue = targetValue
        self.unit = unit
        self.higherIsBetter = higherIsBetter
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name
        case currentValue = "current_value"
        case targetValue = "target_value"
        case unit
        case higherIsBetter = "higher_is_better"
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
        higherIsBetter = try container.decodeIfPresent(Bool.self, forKey: .higherIsBetter) ?? true
    }

    /// Whether the KPI has reached its target, in its direction; `nil` without both values.
    package var meetsTarget: Bool? {
        guard let currentValue, let targetValue else { return nil }
        return higherIsBetter ? currentValue >= targetValue : currentValue <= targetValue
    }

    /// Writes the contract's snake_case names only.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(currentValue, forKey: .currentValue)
        try container.encodeIfPresent(targetValue, forKey: .targetValue)
        try container.encodeIfPresent(unit, forKey: .unit)
        try container.encode(higherIsBetter, forKey: .higherIsBetter)
    }
}

extension KpiContext: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.id, .name], aliases: [.currentValueCamel: .currentValue, .targetValueCamel: .targetValue])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> KpiContext? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var id: String?, name: String?, currentValue: Double?, targetValue: Double?, unit: String?, higherIsBetter: Bool?
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .id: id = try reader.readToken()
            case .name: name = try reader.readText(maxCharacters: ContractLimits.maxNameCharacters)
            case .currentValue, .currentValueCamel: currentValue = try reader.readDouble(nullable: true)
            case .targetValue, .targetValueCamel: targetValue = try reader.readDouble(nullable: true)
            case .unit: unit = try reader.readText(maxCharacters: ContractLimits.maxLabelCharacters, allowsBlank: true, nullable: true)
            case .higherIsBetter: higherIsBetter = try reader.readBool(nullable: true)
            }
        }
        reader.endObject(object, fields)
        guard reader.issueCount == mark, let id, let name else { return nil }
        return KpiContext(id: id, name: name, currentValue: currentValue, targetValue: targetValue, unit: unit,
                          higherIsBetter: higherIsBetter ?? true)
    }
}
