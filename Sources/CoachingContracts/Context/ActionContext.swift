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
    }
}

extension ActionContext: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.id, .title, .status])

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
            case .dueDate: dueDate = try reader.readDate(nullable: true)
            case .goalID: goalID = try reader.readToken(nullable: true)
            }
        }
        reader.endObject(object, fields)
        guard reader.issueCount == mark, let id, let title, let status else { return nil }
        return ActionContext(id: id, title: title, description: description, status: status, dueDate: dueDate, goalID: goalID)
    }
}
