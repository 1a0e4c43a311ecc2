/// One goal of a goals outcome, optionally linked to a goal or KPI of the business context.
package struct OutcomeGoal: Codable, Sendable, Equatable {
    /// 1...200 characters.
    package var title: String
    /// How progress is measured ("monthly recurring revenue").
    package var measure: String?
    /// The number or state that counts as success ("$40,000 a month").
    package var target: String?
    package var dueDate: ContractDate?
    /// The first action, ideally this week.
    package var firstStep: String?
    /// The business context's goal or KPI this goal sharpens.
    package var goalID: String?
    package var kpiID: String?

    package init(title: String, measure: String? = nil, target: String? = nil, dueDate: ContractDate? = nil,
                firstStep: String? = nil, goalID: String? = nil, kpiID: String? = nil) {
        self.title = title
        self.measure = measure
        self.target = target
        self.dueDate = dueDate
        self.firstStep = firstStep
        self.goalID = goalID
        self.kpiID = kpiID
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, measure, target
        case dueDate = "due_date"
        case firstStep = "first_step"
        case goalID = "goal_id"
        case kpiID = "kpi_id"
    }
}

extension OutcomeGoal: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.title])

    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> OutcomeGoal? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var goal = OutcomeGoal(title: "")
        let limit = ContractLimits.maxOutcomeSentenceCharacters
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .title: goal.title = try reader.readText(maxCharacters: ContractLimits.maxTitleCharacters) ?? ""
            case .measure: goal.measure = try reader.readText(maxCharacters: limit, nullable: true)
            case .target: goal.target = try reader.readText(maxCharacters: limit, nullable: true)
            case .dueDate: goal.dueDate = try reader.readDate(nullable: true)
            case .firstStep: goal.firstStep = try reader.readText(maxCharacters: limit, nullable: true)
            case .goalID: goal.goalID = try reader.readToken(nullable: true)
            case .kpiID: goal.kpiID = try reader.readToken(nullable: true)
            }
        }
        reader.endObject(object, fields)
        return reader.issueCount == mark ? goal : nil
    }
}
