import CoachingContracts
import FoundationEssentials

/// Renders a business context as reference lines for the prompt: who the
/// user is, the company, goals with progress, KPIs against targets, recent
/// actions; most relevant first; within a byte budget.
///
/// Relevance: goals overdue first, then least progress, then nearest due
/// date; KPIs furthest from target first; actions overdue first, then by due
/// date. Ties break on id, so the same input always gives the same lines.
package struct BusinessContextRenderer: Sendable {
    /// Bytes the rendered lines may take (the delimiters and preamble excluded).
    package var byteBudget: Int

    package init(byteBudget: Int = 6_000) {
        self.byteBudget = byteBudget
    }

    /// The lines, and how many items the budget left out.
    package func lines(for context: BusinessContext, today: Date) -> [String] {
        var lines: [String] = []
        if let user = context.user {
            var line = "User: \(ContextText.escaped(user.name))"
            if let role = user.role { line += ", role: \(ContextText.escaped(role))" }
            lines.append(line)
        }
        if let tenant = context.tenant {
            var details: [String] = []
            if let industry = tenant.industry { details.append("industry: \(ContextText.escaped(industry))") }
            if let size = tenant.size { details.append("size: \(ContextText.escaped(size))") }
            lines.append("Company: \(ContextText.escaped(tenant.company))" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"))
        }
        // Items are ranked, then rendered only while they fit: a large context
        // (thousands of items) costs a sort, not thousands of rendered lines.
        var used = lines.reduce(0) { $0 + $1.utf8.count + 1 }
        var omitted = 0
        func addSection(_ title: String, _ items: [Int], _ render: (Int) -> String) {
            let titleBytes = title.utf8.count + 1
            guard used + titleBytes <= byteBudget else {
                omitted += items.count
                return
            }
            // Items are in relevance order: the first that does not fit ends the section.
            var kept: [String] = []
            for item in items {
                let line = render(item)
                guard used + titleBytes + line.utf8.count + 1 <= byteBudget else { break }
                kept.append(line)
                used += line.utf8.count + 1
            }
            omitted += items.count - kept.count
            if !kept.isEmpty {
                lines.append(title)
                lines.append(contentsOf: kept)
                used += titleBytes
            }
        }
        if !context.goals.isEmpty {
            addSection("Goals (most behind first):", goalOrder(context.goals, today: today)) { goalLine(context.goals[$0], today: today) }
        }
        if !context.kpis.isEmpty {
            addSection("KPIs (furthest behind target first):", kpiOrder(context.kpis)) { kpiLine(context.kpis[$0]) }
        }
        if !context.recentActions.isEmpty {
            var goalTitles: [String: String]?
            addSection("Recent actions (overdue first):", actionOrder(context.recentActions, today: today)) { index in
                let titles = goalTitles ?? Dictionary(context.goals.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
                goalTitles = titles
                return actionLine(context.recentActions[index], today: today, goalTitles: titles)
            }
        }
        if omitted > 0 { lines.append("(\(omitted) more items omitted for length)") }
        if let scope = context.dataScope { lines.append("Data scope: \(ContextText.escaped(scope, maxCharacters: 64))") }
        if let retrieved = context.retrievedAt { lines.append("Retrieved: \(ContextText.escaped(retrieved.text, maxCharacters: 40))") }
        return lines
    }

    // MARK: Goals

    func rankedGoals(_ goals: [GoalContext], today: Date) -> [GoalContext] {
        goalOrder(goals, today: today).map { goals[$0] }
    }

    /// Indices of `goals` in relevance order. Keys are computed once per item and
    /// sorted as small values, so no goal is copied while sorting.
    func goalOrder(_ goals: [GoalContext], today: Date) -> [Int] {
        let keys = goals.indices.map { index in
            let goal = goals[index]
            return RankKey(
                index: index, overdue: isOverdue(goal.dueDate, status: goal.status, today: today),
                primary: progress(current: goal.currentValue, target: goal.targetValue) ?? 2,
                due: goal.dueDate?.date.timeIntervalSince1970 ?? .infinity
            )
        }
        return keys.sorted { $0.precedes($1) { goals[$0].id < goals[$1].id } }.map(\.index)
    }

    func goalLine(_ goal: GoalContext, today: Date) -> String {
        var line = "- \(ContextText.escaped(goal.title)) [\(ContextText.escaped(goal.status, maxCharacters: 40))]"
        if let current = goal.currentValue, let target = goal.targetValue {
            line += ": \(ContextText.number(current)) of \(ContextText.number(target))"
            if let ratio = progress(current: current, target: target) { line += " (\(Int((ratio * 100).rounded()))%)" }
        } else if let target = goal.targetValue {
            line += ": target \(ContextText.number(target))"
        }
        if let due = goal.dueDate { line += dueText(due, status: goal.status, today: today) }
        return line
    }

    // MARK: KPIs

    func rankedKPIs(_ kpis: [KpiContext]) -> [KpiContext] {
        kpiOrder(kpis).map { kpis[$0] }
    }

    /// Indices of `kpis`, furthest from target first.
    func kpiOrder(_ kpis: [KpiContext]) -> [Int] {
        // Larger gaps first: the negated gap sorts ascending.
        let keys = kpis.indices.map { RankKey(index: $0, overdue: false, primary: -(relativeGap(kpis[$0]) ?? -1), due: 0) }
        return keys.sorted { $0.precedes($1) { kpis[$0].id < kpis[$1].id } }.map(\.index)
    }

    func kpiLine(_ kpi: KpiContext) -> String {
        let unit = kpi.unit.map { " " + ContextText.escaped($0, maxCharacters: 24) } ?? ""
        var line = "- \(ContextText.escaped(kpi.name))"
        switch (kpi.currentValue, kpi.targetValue) {
        case let (current?, target?):
            line += ": \(ContextText.number(current))\(unit) vs target \(ContextText.number(target))\(unit)"
            line += kpi.higherIsBetter ? "" : ", lower is better"
            if kpi.meetsTarget == true {
                line += " (on target)"
            } else {
                line += " (behind by \(ContextText.number(abs(current - target))))"
            }
        case let (current?, nil):
            line += ": \(ContextText.number(current))\(unit), no target"
        case let (nil, target?):
            line += ": no current value, target \(ContextText.number(target))\(unit)"
        case (nil, nil):
            line += ": no values"
        }
        return line
    }

    /// How far behind its target a KPI is, relative to the target, in the KPI's
    /// direction: 0 for a KPI at or past its target (never "behind").
    func relativeGap(_ kpi: KpiContext) -> Double? {
        guard let current = kpi.currentValue, let target = kpi.targetValue else { return nil }
        if kpi.meetsTarget == true { return 0 }
        let scale = max(abs(target), 1e-9)
        return abs(target - current) / scale
    }

    // MARK: Actions

    func rankedActions(_ actions: [ActionContext], today: Date) -> [ActionContext] {
        actionOrder(actions, today: today).map { actions[$0] }
    }

    /// Indices of `actions`, overdue first, then by due date.
    func actionOrder(_ actions: [ActionContext], today: Date) -> [Int] {
        let keys = actions.indices.map { index in
            let action = actions[index]
            return RankKey(
                index: index, overdue: isOverdue(action.dueDate, status: action.status, today: today), primary: 0,
                due: action.dueDate?.date.timeIntervalSince1970 ?? .infinity
            )
        }
        return keys.sorted { $0.precedes($1) { actions[$0].id < actions[$1].id } }.map(\.index)
    }

    func actionLine(_ action: ActionContext, today: Date, goalTitles: [String: String]) -> String {
        var line = "- \(ContextText.escaped(action.title)) [\(ContextText.escaped(action.status, maxCharacters: 40))]"
        if let due = action.dueDate { line += dueText(due, status: action.status, today: today) }
        if let goalID = action.goalID, let title = goalTitles[goalID] { line += ", for goal \"\(ContextText.escaped(title, maxCharacters: 120))\"" }
        return line
    }

    // MARK: Shared

    /// current / target, clamped to 0...1.5; `nil` without both or with a zero target.
    func progress(current: Double?, target: Double?) -> Double? {
        guard let current, let target, target != 0, current.isFinite, target.isFinite else { return nil }
        return min(max(current / target, 0), 1.5)
    }

    func isOverdue(_ due: ContractDate?, status: String, today: Date) -> Bool {
        guard let due else { return false }
        return Self.days(from: today, to: due.date) < 0 && !Self.isDone(status)
    }

    static func isDone(_ status: String) -> Bool {
        ["completed", "complete", "done", "achieved", "closed", "cancelled", "canceled"].contains(status.lowercased())
    }

    /// `, due 2026-12-31 (39 days left)`; finished items get no countdown.
    func dueText(_ due: ContractDate, status: String, today: Date) -> String {
        Self.isDone(status) ? ", due \(dayText(due))" : ", due \(dayText(due)) (\(daysPhrase(until: due, today: today)))"
    }

    func dayText(_ date: ContractDate) -> String {
        String(ContextText.escaped(date.text, maxCharacters: 40).prefix(10))
    }

    func daysPhrase(until due: ContractDate, today: Date) -> String {
        let days = Self.days(from: today, to: due.date)
        switch days {
        case 0: return "due today"
        case 1: return "1 day left"
        case 2...: return "\(days) days left"
        case -1: return "1 day overdue"
        default: return "\(-days) days overdue"
        }
    }

    /// Whole UTC days from the start of `today`'s day to the start of `date`'s day.
    static func days(from today: Date, to date: Date) -> Int {
        let startOfToday = (today.timeIntervalSince1970 / 86_400).rounded(.down)
        let startOfDate = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        return Int(startOfDate - startOfToday)
    }
}

/// What items are ranked by: overdue first, then `primary` ascending, then
/// `due` ascending, then the caller's tie-break on ids.
struct RankKey {
    var index: Int
    var overdue: Bool
    var primary: Double
    var due: Double

    func precedes(_ other: RankKey, tieBreak: (Int, Int) -> Bool) -> Bool {
        if overdue != other.overdue { return overdue }
        if primary != other.primary { return primary < other.primary }
        if due != other.due { return due < other.due }
        return tieBreak(index, other.index)
    }
}
