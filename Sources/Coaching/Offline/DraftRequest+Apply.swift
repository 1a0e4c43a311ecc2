import CoachingContracts

extension DraftRequest {
    /// The draft after this change and a short note of what changed, or `nil`
    /// when the change does not apply (a position past the end, for example).
    func apply(to draft: CoachingOutcome, ownerWords: String) -> (draft: CoachingOutcome, note: String)? {
        var revised = draft
        revised.source = .offline
        let note: String?
        switch draft.topic {
        case .coreValues:
            var values = draft.coreValues ?? []
            note = edit(&values, noun: "value", name: { $0.name }, rename: { value, name in value.name = name },
                        make: { CoreValue(name: $0, meaning: OwnerText.sentence(ownerWords)) },
                        merge: { CoreValue(name: "\($0.name) and \($1.name)", meaning: OwnerText.sentence($0.meaning + " " + $1.meaning)) })
            revised.coreValues = values
            if self == .oneSentence, !values.isEmpty {
                revised.summary = "We live by " + Self.list(values.map(\.name)) + "."
                return (revised, "in one sentence: \(revised.summary ?? "")")
            }
        case .goals:
            var goals = draft.goals ?? []
            note = edit(&goals, noun: "goal", name: { $0.title }, rename: { goal, title in goal.title = title },
                        make: { OutcomeGoal(title: $0) },
                        merge: { first, second in
                            var merged = first
                            merged.title = OwnerText.sentence(OwnerText.clause(first.title) + ", and " + OwnerText.lowercasedStart(second.title))
                            return merged
                        })
            revised.goals = goals
        case .purpose:
            guard var purpose = draft.purpose else { return nil }
            switch self {
            case .oneSentence, .merge:
                purpose.statement = OfflineDrafter.oneSentence(purpose)
                note = "I've written it as one sentence"
            case .rename(nil, let text), .rename(1, let text):
                purpose.statement = OwnerText.sentence(text)
                note = "I've changed the statement to your wording"
            default: note = nil
            }
            revised.purpose = purpose
        case .vision:
            guard var vision = draft.vision else { return nil }
            switch self {
            case .oneSentence:
                vision.statement = OwnerText.sentences(vision.statement).first.map { OwnerText.sentence($0) } ?? vision.statement
                note = "I've cut the statement to one sentence"
            case .rename(nil, let text):
                vision.statement = OwnerText.sentence(text, limit: ContractLimits.maxVisionCharacters)
                note = "I've changed the statement to your wording"
            default:
                var pillars = vision.pillars
                note = edit(&pillars, noun: "pillar", name: { $0 }, rename: { pillar, text in pillar = OwnerText.sentence(text) },
                            make: { OwnerText.sentence($0) }, merge: { OwnerText.sentence(OwnerText.clause($0) + "; " + OwnerText.lowercasedStart($1)) })
                vision.pillars = pillars
            }
            revised.vision = vision
        }
        guard let note else { return nil }
        revised.confidence = OfflineDrafter(currentYear: 0).confidence(revised)
        return (revised, note)
    }

    /// Applies a list edit; the note, or `nil` when it does not apply.
    private func edit<Item>(
        _ items: inout [Item], noun: String, name: (Item) -> String, rename: (inout Item, String) -> Void,
        make: (String) -> Item, merge: (Item, Item) -> Item
    ) -> String? {
        switch self {
        case .keepOnly(let count):
            guard count < items.count, count >= 1 else { return nil }
            items = Array(items.prefix(count))
            return "I've kept the first \(count) \(noun)\(count == 1 ? "" : "s")"
        case .remove(let position):
            guard let index = index(position, items.count) else { return nil }
            let removed = items.remove(at: index)
            return "I've removed \"\(name(removed))\""
        case .rename(let position, let text):
            guard let index = index(position ?? 1, items.count) else { return nil }
            let old = name(items[index])
            rename(&items[index], text)
            return "I've changed \"\(old)\" to \"\(name(items[index]))\""
        case .add(let text):
            items.append(make(text))
            return "I've added \"\(name(items[items.count - 1]))\""
        case .merge:
            guard items.count >= 2 else { return nil }
            let merged = merge(items[0], items[1])
            items.replaceSubrange(0...1, with: [merged])
            return "I've merged the first two into \"\(name(merged))\""
        case .oneSentence, .missing:
            return nil
        }
    }

    private func index(_ position: Int, _ count: Int) -> Int? {
        let index = position == Int.max ? count - 1 : position - 1
        return (0..<count).contains(index) ? index : nil
    }

    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        }
    }
}
