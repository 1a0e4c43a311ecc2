/// One of the customer's goals, with its progress.
package struct GoalContext: Codable, Sendable, Equatable {
    package var id: String
    package var title: String
    package var description: String?
    /// The .NET API's status label (`active`, `on_track`, `at_risk`, ...), kept as given.
    package var status: String
    package var targetValue: Double?
    package var currentValue: Double?
    package var dueDate: ContractDate?

    package init(id: String, title: String, description: String? = nil, status: String,
                targetValue: Double? = nil, currentValue: Double? = nil, dueDate: ContractDate? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.status = status
        self.targetValue = targetValue
        self.currentValue = currentValue
        self.dueDate = dueDate
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, description, status
        case targetValue = "target_value"
        case currentValue = "current_value"
        case dueDate = "due_date"
        // The .NET API's camelCase (System.Text.Json default policy).
        case targetValueCamel = "targetValue"
        case currentValueCamel = "currentValue"
        case dueDateCamel = "dueDate"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        status = try container.decode(String.self, forKey: .status)
        targetValue = try container.decodeIfPresent(Double.self, forKey: .targetValue)
            ?? container.decodeIfPresent(Double.self, forKey: .targetValueCamel)
        currentValue = try container.decodeIfPresent(Double.self, forKey: .currentValue)
            ?? container.decodeIfPresent(Double.self, forKey: .currentValueCamel)
        dueDate = try container.decodeIfPresent(ContractDate.self, forKey: .dueDate)
            ?? container.decodeIfPresent(ContractDate.self, forKey: .dueDateCamel)
    }

    /// Writes the contract's snake_case names only.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(targetValue, forKey: .targetValue)
        try container.encodeIfPresent(currentValue, forKey: .currentValue)
        try container.encodeIfPresent(dueDate, forKey: .dueDate)
    }
}

extension GoalContext: JSONContract {
    static let fields = FieldTable<CodingKeys>(
        required: [.id, .title, .status], aliases: [.targetValueCamel: .targetValue, .currentValueCamel: .currentValue, .dueDateCamel: .dueDate]
    )

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> GoalContext? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var id: String?, title: String?, description: String?, status: String?
        var targetValue: Double?, currentValue: Double?, dueDate: ContractDate?
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .id: id = try reader.readToken()
            case .title: title = try reader.readText(maxCharacters: ContractLimits.maxTitleCharacters)
            case .description:
                description = try reader.readText(maxCharacters: ContractLimits.maxDescriptionCharacters, allowsBlank: true, nullable: true)
            case .status: status = try reader.readText(maxCharacters: ContractLimits.maxLabelCharacters)
            case .targetValue, .targetValueCamel: targetValue = try reader.readDouble(nullable: true)
            case .currentValue, .currentValueCamel: currentValue = try reader.readDouble(nullable: true)
            case .dueDate, .dueDateCamel: dueDate = try reader.readDate(nullable: true)
            }
        }
        reader.endObject(object, fields)
        guard reader.issueCount == mark, let id, let title, let status else { return nil }
        return GoalContext(id: id, title: title, description: description, status: status,
                           targetValue: targetValue, currentValue: currentValue, dueDate: dueDate)
    }
}
