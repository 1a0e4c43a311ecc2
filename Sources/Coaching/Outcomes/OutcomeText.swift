import CoachingContracts

/// Outcomes as plain text: one line for the session record and the journey,
/// and a readable block for the offline coach's replies.
package enum OutcomeText {
    /// One line: the values' names, the purpose or vision statement, the goals' titles.
    package static func line(_ outcome: CoachingOutcome) -> String {
        switch outcome.topic {
        case .coreValues:
            return "Core values: " + (outcome.coreValues ?? []).map(\.name).joined(separator: ", ")
        case .purpose:
            return "Purpose: " + (outcome.purpose?.statement ?? "")
        case .vision:
            let year = outcome.vision?.horizonYear.map { " (\($0))" } ?? ""
            return "Vision\(year): " + (outcome.vision?.statement ?? "")
        case .goals:
            return "Goals: " + (outcome.goals ?? []).map(\.title).joined(separator: "; ")
        }
    }

    /// One line with every part, for the prompt's journey block.
    package static func detailedLine(_ outcome: CoachingOutcome) -> String {
        TopicCatalog.definition(for: outcome.topic).title + ": " + lines(outcome).joined(separator: " | ")
    }

    /// The outcome as numbered lines, as the offline coach presents a draft.
    package static func lines(_ outcome: CoachingOutcome) -> [String] {
        switch outcome.topic {
        case .coreValues:
            return (outcome.coreValues ?? []).enumerated().map { "\($0.offset + 1). \($0.element.name): \($0.element.meaning)" }
        case .purpose:
            guard let purpose = outcome.purpose else { return [] }
            var lines = ["Purpose: \(purpose.statement)"]
            if let who = purpose.whoWeServe { lines.append("Who you serve: \(who)") }
            if let why = purpose.whyItMatters { lines.append("Why it matters: \(why)") }
            return lines
        case .vision:
            guard let vision = outcome.vision else { return [] }
            var lines = ["Vision" + (vision.horizonYear.map { " for \($0)" } ?? "") + ": \(vision.statement)"]
            lines += vision.pillars.enumerated().map { "\($0.offset + 1). \($0.element)" }
            return lines
        case .goals:
            return (outcome.goals ?? []).enumerated().map { index, goal in
                var line = "\(index + 1). \(OwnerText.clause(goal.title, limit: ContractLimits.maxTitleCharacters))"
                if let target = goal.target { line += "; target: \(target)" }
                if let measure = goal.measure { line += "; measured by \(measure)" }
                if let due = goal.dueDate { line += "; due \(due.text.prefix(10))" }
                if let step = goal.firstStep { line += "; first step: \(step)" }
                return line
            }
        }
    }
}
