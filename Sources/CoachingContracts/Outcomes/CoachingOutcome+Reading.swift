extension CoachingOutcome: JSONContract {
    static let fields = FieldTable<CodingKeys>(required: [.topic])

    /// An outcome the owner sends (`PUT .../outcome`, `complete`). `source` and
    /// `confirmed_at` are read but the service sets them; the topic's own field is
    /// required, the other topics' fields are refused.
    package static func read(from reader: inout ContractReader) throws(JSONSyntaxError) -> CoachingOutcome? {
        let mark = reader.issueCount
        guard var object = try reader.beginObject() else { return nil }
        var outcome = CoachingOutcome(topic: .coreValues, source: .owner)
        var topic: CoachingTopic?
        var given: [CodingKeys] = []
        while let field = try reader.nextField(&object, in: fields) {
            switch field {
            case .topic: topic = try reader.readEnum(CoachingTopic.self)
            case .coreValues:
                given.append(field)
                outcome.coreValues = try reader.readModels(CoreValue.self, count: ContractLimits.coreValueCount)
            case .purpose:
                given.append(field)
                outcome.purpose = try reader.readModel(PurposeStatement.self)
            case .vision:
                given.append(field)
                outcome.vision = try reader.readModel(VisionStatement.self)
            case .goals:
                given.append(field)
                outcome.goals = try reader.readModels(OutcomeGoal.self, count: ContractLimits.outcomeGoalCount)
            case .summary: outcome.summary = try reader.readText(maxCharacters: ContractLimits.maxOutcomeNoteCharacters, nullable: true)
            case .confidence: outcome.confidence = try reader.readFraction(nullable: true)
            case .businessImpact:
                outcome.businessImpact = try reader.readText(maxCharacters: ContractLimits.maxOutcomeNoteCharacters, nullable: true)
            case .source: _ = try reader.readEnum(OutcomeSource.self, nullable: true)
            case .confirmedAt: _ = try reader.readDate(nullable: true)
            }
        }
        if let topic {
            outcome.topic = topic
            let own = Self.field(of: topic)
            for field in given where field != own {
                reader.record(IssueType.extraForbidden, "Field belongs to another topic than '\(topic.rawValue)'", below: .key(field.stringValue))
            }
            if !given.contains(own), !reader.budgetExceeded {
                reader.record(IssueType.missing, "Field required for topic '\(topic.rawValue)'", below: .key(own.stringValue))
            }
        }
        reader.endObject(object, fields)
        return reader.issueCount == mark ? outcome : nil
    }

    /// The field that holds a topic's result.
    static func field(of topic: CoachingTopic) -> CodingKeys {
        switch topic {
        case .coreValues: .coreValues
        case .purpose: .purpose
        case .vision: .vision
        case .goals: .goals
        }
    }
}

extension ContractReader {
    /// A list of `count.lowerBound...count.upperBound` nested contracts.
    mutating func readModels<Model: JSONContract>(_ type: Model.Type, count: ClosedRange<Int>) throws(JSONSyntaxError) -> [Model]? {
        guard let items = try readModels(type, maxCount: count.upperBound) else { return nil }
        guard items.count >= count.lowerBound else {
            record(IssueType.tooShort, "List should have at least \(count.lowerBound) items after validation, not \(items.count)")
            return nil
        }
        return items
    }

    /// A list of `count` texts, each trimmed, not blank, at most `maxCharacters` long.
    mutating func readTexts(count: ClosedRange<Int>, maxCharacters: Int) throws(JSONSyntaxError) -> [String]? {
        let mark = issueCount
        guard var scope = try beginArray() else { return nil }
        var items: [String] = []
        while try nextElement(&scope) {
            if scope.count > count.upperBound {
                try skipValue()
            } else if let text = try readText(maxCharacters: maxCharacters) {
                items.append(text)
            }
        }
        endArray(scope)
        if scope.count > count.upperBound {
            record(IssueType.tooLong, "List should have at most \(count.upperBound) items after validation, not \(scope.count)")
        } else if scope.count < count.lowerBound {
            record(IssueType.tooShort, "List should have at least \(count.lowerBound) items after validation, not \(scope.count)")
        }
        return issueCount == mark ? items : nil
    }

    /// A number in 0...1.
    mutating func readFraction(nullable: Bool) throws(JSONSyntaxError) -> Double? {
        guard let value = try readDouble(nullable: nullable) else { return nil }
        if value < 0 {
            record(IssueType.greaterThanEqual, "Input should be greater than or equal to 0")
            return nil
        }
        if value > 1 {
            record(IssueType.lessThanEqual, "Input should be less than or equal to 1")
            return nil
        }
        return value
    }
}
