/// Something the customer did or plans to do recently, possibly towards a goal.
package struct ActionContext: Codable, Sendable, Equatable {
    package var id: String
    package var title: String
    package var description: String?
    package var status: String
    package var dueDate: ContractDate?
    package var goalID: String?

    package init(id: String, title: String, description: String? = nil, status: String,
                dueDate: ContractDate? = nil, goalID: String? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.status = status
        self.dueDate = dueDate
        self.goalID = goalID
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, description, status
        case dueDate = "due_date"
        case goalID = "goal_id"
        // The .NET API's camelCase (System.Text.Json default policy).
        case dueDateCamel = "dueDate"
        case goalIDCamel = "goalId"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        status = try container.decode(String.self, forKey: .status)
        dueDate = try container.decodeIfPresent(ContractDate.self, forKey: .dueDate)
            ?? container.decodeIfPresent(ContractDate.self, forKey: .dueDateCamel)
        goalID = try container.decodeIfPresent(String.self, forKey: .goalID)
            ?? container.decodeIfPresent(String.self, forKey: .goalIDCamel)
    }

    /// Writes the contract's snake_case names only.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(dueDate, forKey: .dueDate)
        try container.encodeIfPresent(goalID, forKey: .goalID)
    }
}

extension ActionContext: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.id, .title, .status], aliases: [.dueDateCamel: .dueDate, .goalIDCamel: .goalID])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> ActionContext? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var id: String?, title: String?, description: String?, status: String?, dueDate: ContractDate?, goalID: String?
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .id: id = try reader.readToken()
            case .title: title = try reader.readText(maxCharacters: ContractLimits.maxTitleCharacters)
            case .description:
                description = try reader.readText(maxCharacters: ContractLimits.maxDescriptionCharacters, allowsBlank: true, nullable: true)
            case .status: status = try reader.readText(maxCharacters: ContractLimits.maxLabelCharacters)
            case .dueDate, .dueDateCamel: dueDate = try reader.readDate(nullable: true)
            case .goalID, .goalIDCamel: goalID = try reader.readToken(nullable: true)
            }
        }
        reader.endObject(object, fields)
        guard reader.issueCount == mark, let id, let title, let status else { return nil }
        return ActionContext(id: id, title: title, description: description, status: status, dueDate: dueDate, goalID: goalID)
    }
}
