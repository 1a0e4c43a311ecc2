import Essentials
import CoachingContracts
import FoundationEssentials

/// A deterministic coach that needs no network. It acknowledges the owner's
/// answer (in varied words), brings in one business fact when it relates to
/// the topic or to what the owner just said, and asks the topic's next
/// question. From synthesis on it drafts the outcome from the owner's own
/// words (``OfflineDrafter``), applies the changes asked for in words
/// (``DraftRequest``), and restates the outcome once it is confirmed. It
/// answers in English, and says so when another language was asked for.
/// The embedded default, and the fallback when the configured model fails.
package struct OfflineCoach: Coach {
    package static let modelName = "offline"

    package let renderer: BusinessContextRenderer
    package let clock: any EpochClock

    package init(renderer: BusinessContextRenderer = BusinessContextRenderer(), clock: any EpochClock = SystemClock()) {
        self.renderer = renderer
        self.clock = clock
    }

    var today: Date { Date(timeIntervalSince1970: Double(clock.nowEpochMilliseconds()) / 1000) }

    package func reply(to turn: CoachingTurn, deadline: Deadline) throws(CoachError) -> CoachReply {
        let definition = TopicCatalog.definition(for: turn.topic)
        var reply: CoachReply
        if turn.phase == .completion {
            reply = closing(turn, definition: definition)
        } else if turn.allowedPhase >= .synthesis {
            reply = drafting(turn, definition: definition)
        } else {
            reply = exploring(turn, definition: definition)
        }
        if turn.nearTurnLimit, turn.phase != .completion {
            reply.text += reply.draftOutcome != nil || turn.draft != nil
                ? " We're close to this conversation's length limit: if the draft works for you, say so and I'll record it, or tell me the one change to make."
                : " We're close to this conversation's length limit, so let's pull together what you have so far."
        }
        if !turn.language.lowercased().hasPrefix("en"), turn.responses == 1 {
            reply.text = "(I'm the offline coach and can only answer in English.) " + reply.text
        }
        reply.suggestions = SuggestionBank.suggestions(for: turn.topic, phase: reply.draftOutcome != nil || turn.draft != nil ? .validation : turn.allowedPhase)
        reply.language = "en"
        return reply
    }

    // MARK: Before a draft

    private func exploring(_ turn: CoachingTurn, definition: TopicDefinition) -> CoachReply {
        var parts = [acknowledgement(turn)]
        if let request = DraftRequest.parse(turn.userMessage), request != .missing || turn.responses > 1 {
            parts.append("I haven't written a draft yet, so there is nothing to \(request.verb) so far; after a few more of your answers I'll propose one built from your own words.")
        }
        let fact = turn.businessContext.flatMap { relevantFact($0, turn: turn) }
        if let fact { parts.append(fact) }
        let question = nextQuestion(turn, definition: definition)
        if let question { parts.append(question.text) }
        return CoachReply(
            text: parts.joined(separator: " "), followUpQuestion: question?.text, model: Self.modelName,
            businessContextUsed: fact != nil, questionCategory: question?.category
        )
    }

    /// The question for the phase the turn moves into: the next in that phase's list.
    func nextQuestion(_ turn: CoachingTurn, definition: TopicDefinition) -> TopicQuestion? {
        guard let guide = definition.guide(for: turn.allowedPhase), !guide.questions.isEmpty else { return nil }
        let index = turn.allowedPhase == turn.phase ? turn.userTurnsInPhase + 1 : 0
        return guide.questions[index % guide.questions.count]
    }

    /// A short, varied acknowledgement; for core values it names a value heard in the answer.
    func acknowledgement(_ turn: CoachingTurn) -> String {
        // Rotating by the response number: no two turns in a row open the same way.
        let seed = turn.responses
        if turn.topic == .coreValues, let heard = ValueIndicators.hits(in: OwnerText.words(turn.userMessage)).max(by: { $0.count < $1.count }) {
            let name = heard.indicator.name
            return OwnerText.pick([
                "There's a lot of \(name.lowercased()) in that.", "I can hear \(name.lowercased()) in that story.", "\(name) comes through in that.",
            ], seed: seed)
        }
        if OwnerText.words(turn.userMessage).count < 4 {
            return OwnerText.pick(["Thanks.", "Understood.", "Okay."], seed: seed)
        }
        return OwnerText.pick([
            "Thank you, that helps.", "That's a clear example.", "Good, that gives me something concrete.",
            "I appreciate the detail.", "That's useful to know.", "That paints a clear picture.",
        ], seed: seed)
    }

    // MARK: Drafts

    private func drafting(_ turn: CoachingTurn, definition: TopicDefinition) -> CoachReply {
        let drafter = OfflineDrafter(currentYear: Self.year(of: today), context: turn.businessContext)
        let validation = definition.guide(for: .validation)?.questions.first?.text ?? "Does this look right?"
        guard let current = turn.draft else {
            let draft = drafter.draft(turn.topic, from: turn.ownerMessages)
            guard draft.isUsable || !OutcomeText.lines(draft).isEmpty else {
                let question = definition.guide(for: .deepening)?.questions.first
                return CoachReply(
                    text: "I can't yet hear enough in your words to draft your \(definition.title.lowercased()) honestly. " + (question?.text ?? ""),
                    followUpQuestion: question?.text, model: Self.modelName, questionCategory: question?.category
                )
            }
            let question = definition.guide(for: .synthesis)?.questions.first?.text ?? validation
            let text = "\(acknowledgement(turn)) Here is a first draft, built from your own words:\n"
                + OutcomeText.lines(draft).joined(separator: "\n") + "\n" + gaps(draft) + question
            return CoachReply(text: text, followUpQuestion: question, model: Self.modelName, draftOutcome: draft)
        }
        if !turn.confirmationBlockedBy.isEmpty {
            let text = "Before I record it, it still needs " + DraftRequest.list(turn.confirmationBlockedBy)
                + ". Tell me and I'll add it, or change it with PUT /api/v1/conversations/{id}/outcome."
            return CoachReply(text: text, followUpQuestion: nil, model: Self.modelName)
        }
        let confirmPrompt = "Does it look right now? Say \"looks right\" to confirm it, or tell me what to change."
        if let request = DraftRequest.parse(turn.userMessage) {
            if request == .missing {
                let missing = current.missingParts
                let text = missing.isEmpty
                    ? "Nothing essential is missing: the draft has everything a \(definition.title.lowercased()) result needs. You could still sharpen the wording. \(confirmPrompt)"
                    : "Still missing: " + DraftRequest.list(missing) + ". Tell me about it and I'll add it."
                return CoachReply(text: text, followUpQuestion: missing.isEmpty ? confirmPrompt : nil, model: Self.modelName)
            }
            if let (revised, note) = request.apply(to: current, ownerWords: turn.userMessage) {
                let text = "Done: \(note). Here is the revised draft:\n" + OutcomeText.lines(revised).joined(separator: "\n") + "\n" + confirmPrompt
                return CoachReply(text: text, followUpQuestion: confirmPrompt, model: Self.modelName, draftOutcome: revised)
            }
            return CoachReply(text: "I couldn't apply that to the draft as it stands:\n" + OutcomeText.lines(current).joined(separator: "\n")
                              + "\nWhich item do you mean (first, second, ...), and what should it say?", followUpQuestion: nil, model: Self.modelName)
        }
        // New material in the owner's words: redraft with it when it changes the draft.
        let redrafted = drafter.draft(turn.topic, from: turn.ownerMessages)
        if redrafted.isUsable, redrafted != current, OwnerText.words(turn.userMessage).count >= 6 {
            let text = "I've worked what you just said into the draft:\n" + OutcomeText.lines(redrafted).joined(separator: "\n") + "\n" + confirmPrompt
            return CoachReply(text: text, followUpQuestion: confirmPrompt, model: Self.modelName, draftOutcome: redrafted)
        }
        let text = "Let's get it right. Which part doesn't sound like you yet? You can say, for example, "
            + example(for: turn.topic) + ", or write the wording you want. " + validation
        return CoachReply(text: text, followUpQuestion: validation, model: Self.modelName)
    }

    /// What the draft still lacks, as a sentence ending in a space (empty when nothing).
    func gaps(_ draft: CoachingOutcome) -> String {
        let missing = draft.missingParts
        return missing.isEmpty ? "" : "Still missing: " + DraftRequest.list(missing) + ". "
    }

    func example(for topic: CoachingTopic) -> String {
        switch topic {
        case .coreValues: "\"change the second value to Craft\" or \"drop the last one\""
        case .purpose: "\"write it as one sentence\" or \"change it to: We help ...\""
        case .vision: "\"change the statement to: ...\" or \"merge the pillars\""
        case .goals: "\"two goals only\" or \"change the first goal to ...\""
        }
    }

    // MARK: Completion

    private func closing(_ turn: CoachingTurn, definition: TopicDefinition) -> CoachReply {
        guard let outcome = turn.confirmed ?? turn.draft else {
            return CoachReply(text: "This conversation is complete.", model: Self.modelName)
        }
        var text = "Confirmed. This is the \(definition.title.lowercased()) result you approved:\n"
            + OutcomeText.lines(outcome).joined(separator: "\n")
        if let next = CoachingTopic.allCases.first(where: { $0.journeyOrder == turn.topic.journeyOrder + 1 }) {
            text += "\nShare it with your team this week. When you're ready, the next step is your \(TopicCatalog.definition(for: next).title.lowercased()), which will build on this."
        } else {
            text += "\nPut the first step of each goal in your calendar for this week."
        }
        return CoachReply(text: text, model: Self.modelName)
    }

    // MARK: Business facts

    /// A fact from the context, only when it relates to what the owner just
    /// said, or to the topic (goals, and the vision's measures).
    func relevantFact(_ context: BusinessContext, turn: CoachingTurn) -> String? {
        // A fact said once is not repeated.
        let said = turn.history.filter { $0.role == .assistant }.map(\.content)
        let facts = candidateFacts(context).filter { fact in !said.contains { $0.contains(fact.text) } }
        let words = OwnerText.significantWords(turn.userMessage)
        if let related = facts.first(where: { !$0.subject.isDisjoint(with: words) }) { return related.text }
        let topical = turn.topic == .goals || (turn.topic == .vision && turn.allowedPhase == .deepening)
        guard topical, turn.userTurnsInPhase == 0 || turn.allowedPhase != turn.phase else { return nil }
        return facts.first?.text
    }

    struct Fact {
        var subject: Set<String>
        var text: String
    }

    func candidateFacts(_ context: BusinessContext) -> [Fact] {
        var facts: [Fact] = []
        if let goal = renderer.rankedGoals(context.goals, today: today).first(where: { !BusinessContextRenderer.isDone($0.status) }) {
            var fact = "Your goal \"\(ContextText.escaped(goal.title, maxCharacters: 120))\""
            if let ratio = renderer.progress(current: goal.currentValue, target: goal.targetValue) {
                fact += " is at \(Int((ratio * 100).rounded()))% of its target"
            } else {
                fact += " is still open"
            }
            if let due = goal.dueDate { fact += " (\(renderer.daysPhrase(until: due, today: today)))" }
            facts.append(Fact(subject: OwnerText.significantWords(goal.title), text: fact + "."))
        }
        if let kpi = renderer.rankedKPIs(context.kpis).first(where: { $0.meetsTarget == false }),
           let current = kpi.currentValue, let target = kpi.targetValue {
            let unit = kpi.unit.map { " " + ContextText.escaped($0, maxCharacters: 24) } ?? ""
            let direction = kpi.higherIsBetter ? "below" : "above"
            facts.append(Fact(
                subject: OwnerText.significantWords(kpi.name),
                text: "\(ContextText.escaped(kpi.name, maxCharacters: 120)) is at \(ContextText.number(current))\(unit), \(direction) its target of \(ContextText.number(target))\(unit)."
            ))
        }
        if let action = renderer.rankedActions(context.recentActions, today: today).first,
           renderer.isOverdue(action.dueDate, status: action.status, today: today), let due = action.dueDate {
            facts.append(Fact(subject: OwnerText.significantWords(action.title),
                              text: "\"\(ContextText.escaped(action.title, maxCharacters: 120))\" is \(renderer.daysPhrase(until: due, today: today))."))
        }
        return facts
    }

    static func year(of date: Date) -> Int {
        CivilDate.date(daysSince1970: Int((date.timeIntervalSince1970 / 86_400).rounded(.down))).year
    }
}

extension DraftRequest {
    /// How the owner's request reads in "nothing to ... so far".
    var verb: String {
        switch self {
        case .oneSentence: "write as one sentence"
        case .merge: "merge"
        case .missing: "check"
        case .keepOnly, .remove: "trim"
        case .rename: "change"
        case .add: "add to"
        }
    }
}
