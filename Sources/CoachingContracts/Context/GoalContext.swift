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
    }
}

extension GoalContext: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.id, .title, .status])

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
            case .targetValue: targetValue = try reader.readDouble(nullable: true)
            case .currentValue: currentValue = try reader.readDouble(nullable: true)
            case .dueDate: dueDate = try reader.readDate(nullable: true)
            }
        }
        reader.endObject(object, fields)
        guard reader.issueCount == mark, let id, let title, let status else { return nil }
        return GoalContext(id: id, title: title, description: description, status: status,
                           targetValue: targetValue, currentValue: currentValue, dueDate: dueDate)
    }
}
