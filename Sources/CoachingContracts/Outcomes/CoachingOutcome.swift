/// What a coaching conversation produces: one typed result per topic, with the
/// fields the Python service's outcome extraction gave (summary, confidence,
/// business impact), who wrote it and when the owner confirmed it.
///
/// Exactly the topic's own field is present: `core_values` for core values,
/// `purpose`, `vision`, or `goals`.
package struct CoachingOutcome: Codable, Sendable, Equatable {
    package var topic: CoachingTopic
    /// 3...7 values (a draft may hold fewer).
    package var coreValues: [CoreValue]?
    package var purpose: PurposeStatement?
    package var vision: VisionStatement?
    /// 1...5 goals.
    package var goals: [OutcomeGoal]?
    /// A short restatement, up to 1000 characters.
    package var summary: String?
    /// How sure the coach is that this is the owner's own result, 0...1.
    package var confidence: Double?
    /// What the result changes for the business, up to 1000 characters.
    package var businessImpact: String?
    package var source: OutcomeSource
    /// When the owner confirmed it; `nil` on a draft.
    package var confirmedAt: ContractDate?

    package init(
        topic: CoachingTopic, coreValues: [CoreValue]? = nil, purpose: PurposeStatement? = nil, vision: VisionStatement? = nil,
        goals: [OutcomeGoal]? = nil, summary: String? = nil, confidence: Double? = nil, businessImpact: String? = nil,
        source: OutcomeSource, confirmedAt: ContractDate? = nil
    ) {
        self.topic = topic
        self.coreValues = coreValues
        self.purpose = purpose
        self.vision = vision
        self.goals = goals
        self.summary = summary
        self.confidence = confidence
        self.businessImpact = businessImpact
        self.source = source
        self.confirmedAt = confirmedAt
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case topic
        case coreValues = "core_values"
        case purpose, vision, goals, summary, confidence
        case businessImpact = "business_impact"
        case source
        case confirmedAt = "confirmed_at"
    }

    /// What a confirmed outcome of its topic still lacks, in words for the owner
    /// (empty when it is complete): fewer than three values, a goal without a
    /// measure ... Drafts may be incomplete; a confirmation needs none missing.
    package var missingParts: [String] {
        var missing: [String] = []
        switch topic {
        case .coreValues:
            let count = coreValues?.count ?? 0
            if count < ContractLimits.coreValueCount.lowerBound {
                missing.append("at least \(ContractLimits.coreValueCount.lowerBound) values (there are \(count))")
            }
            if count > ContractLimits.coreValueCount.upperBound {
                missing.append("at most \(ContractLimits.coreValueCount.upperBound) values (there are \(count))")
            }
        case .purpose:
            if purpose == nil { missing.append("a purpose statement") }
            if purpose != nil, purpose?.whoWeServe == nil { missing.append("who the business serves") }
            if purpose != nil, purpose?.whyItMatters == nil { missing.append("why it matters") }
        case .vision:
            if vision == nil { missing.append("a vision statement") }
            if let vision, vision.pillars.isEmpty { missing.append("one to five pillars or markers") }
            if let vision, vision.horizonYear == nil { missing.append("the year it describes") }
        case .goals:
            let goals = goals ?? []
            if goals.isEmpty { missing.append("at least one goal") }
            for (index, goal) in goals.enumerated() {
                let name = "goal \(index + 1)"
                if goal.measure == nil && goal.target == nil { missing.append("a measure or target for \(name)") }
                if goal.dueDate == nil { missing.append("a due date for \(name)") }
                if goal.firstStep == nil { missing.append("a first step for \(name)") }
            }
        }
        return missing
    }

    /// Whether the parts that make the outcome usable are there: enough values,
    /// a statement, at least one goal. Finer gaps (``missingParts``) do not block a confirmation.
    package var isUsable: Bool {
        switch topic {
        case .coreValues: ContractLimits.coreValueCount.contains(coreValues?.count ?? 0)
        case .purpose: purpose != nil
        case .vision: vision.map { !$0.pillars.isEmpty } ?? false
        case .goals: !(goals ?? []).isEmpty
        }
    }
}
