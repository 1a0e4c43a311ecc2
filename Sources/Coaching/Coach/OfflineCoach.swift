import CoachingContracts
import Essentials
import FoundationEssentials

/// A deterministic coach that needs no network: it reflects the user's last
/// answer, points at one fact from the business context (the goal furthest
/// behind, a KPI off target, an overdue action), and asks the topic's next
/// question for the phase. The embedded default, and the fallback when the
/// configured model fails.
package struct OfflineCoach: Coach {
    package static let modelName = "offline"

    package let renderer: BusinessContextRenderer
    package let clock: any EpochClock

    package init(renderer: BusinessContextRenderer = BusinessContextRenderer(), clock: any EpochClock = SystemClock()) {
        self.renderer = renderer
        self.clock = clock
    }

    package func reply(to turn: CoachingTurn, deadline: Deadline) throws(CoachError) -> CoachReply {
        let definition = TopicCatalog.definition(for: turn.topic)
        let today = Date(timeIntervalSince1970: Double(clock.nowEpochMilliseconds()) / 1000)
        var parts: [String] = [reflection(of: turn.userMessage, turnIndex: turn.history.count)]
        let fact = turn.businessContext.flatMap { insight(from: $0, today: today, turnIndex: turn.history.count / 2) }
        if let fact { parts.append(fact) }

        let question: String?
        if let guide = definition.guide(for: turn.phase) {
            if turn.phase == .synthesis, turn.userTurnsInPhase == 0 {
                parts.append(draft(from: turn))
            }
            let asked = guide.questions[turn.userTurnsInPhase % guide.questions.count]
            question = asked
            parts.append(asked)
        } else {
            question = nil
            parts.append(closing(for: definition))
        }
        return CoachReply(
            text: parts.joined(separator: " "),
            followUpQuestion: question,
            suggestions: SuggestionBank.suggestions(for: turn.topic, phase: turn.phase),
            model: Self.modelName,
            usage: .zero,
            businessContextUsed: fact != nil
        )
    }

    /// Acknowledges the answer, quoting its first sentence when it is short enough.
    func reflection(of message: String, turnIndex: Int) -> String {
        let sentence = firstSentence(of: message.split(whereSeparator: \.isNewline).joined(separator: " "))
        let quote = sentence.count <= 140 ? sentence : String(sentence.prefix(139)) + "…"
        let openers = ["Thank you for sharing that.", "That's helpful.", "I appreciate the detail."]
        let opener = openers[turnIndex / 2 % openers.count]
        guard quote.split(separator: " ").count >= 3 else { return opener }
        return "\(opener) You said: \"\(quote.trimmingCharacters(quotes: true))\""
    }

    /// One fact worth coaching on, rotating between the kinds available.
    func insight(from context: BusinessContext, today: Date, turnIndex: Int) -> String? {
        var facts: [String] = []
        if let goal = renderer.rankedGoals(context.goals, today: today).first(where: { !BusinessContextRenderer.isDone($0.status) }) {
            var fact = "Your goal \"\(ContextText.escaped(goal.title, maxCharacters: 120))\""
            if let ratio = renderer.progress(current: goal.currentValue, target: goal.targetValue) {
                fact += " is at \(Int((ratio * 100).rounded()))% of its target"
            } else {
                fact += " is still open"
            }
            if let due = goal.dueDate { fact += " (\(renderer.daysPhrase(until: due, today: today)))" }
            facts.append(fact + ".")
        }
        if let kpi = renderer.rankedKPIs(context.kpis).first, let current = kpi.currentValue, let target = kpi.targetValue, current != target {
            let unit = kpi.unit.map { " " + ContextText.escaped($0, maxCharacters: 24) } ?? ""
            facts.append("\(ContextText.escaped(kpi.name, maxCharacters: 120)) is at \(ContextText.number(current))\(unit) against a target of \(ContextText.number(target))\(unit).")
        }
        if let action = renderer.rankedActions(context.recentActions, today: today).first,
           renderer.isOverdue(action.dueDate, status: action.status, today: today), let due = action.dueDate {
            facts.append("\"\(ContextText.escaped(action.title, maxCharacters: 120))\" is \(renderer.daysPhrase(until: due, today: today)).")
        }
        guard !facts.isEmpty else { return nil }
        return "Looking at your business data: " + facts[turnIndex % facts.count]
    }

    /// The synthesis phase opens with a draft built from the user's own words.
    func draft(from turn: CoachingTurn) -> String {
        let statements = (turn.history.filter { $0.role == .user }.map(\.content) + [turn.userMessage])
            .map { firstSentence(of: $0) }
            .filter { $0.split(separator: " ").count >= 4 }
            .suffix(3)
        guard !statements.isEmpty else { return "Let me pull together what you've told me." }
        return "Here is what I've heard so far: " + statements.map { "\"\($0.trimmingCharacters(quotes: true))\"" }.joined(separator: "; ") + "."
    }

    func closing(for definition: TopicDefinition) -> String {
        "We've reached what we set out to produce: \(definition.outcome). Write it down where your team will see it, "
            + "and bring it to your next planning meeting. You can start another topic whenever you're ready."
    }
}
