import CoachingContracts
import Essentials
import FoundationEssentials

/// Builds a draft outcome from the owner's own words, without a model: values
/// from the twelve value indicators' keywords with the owner's sentence as the
/// meaning; purpose, vision and goals from the sentences that carry them.
/// Nothing is invented: a part the owner never spoke to is left out (and
/// "what is missing?" names it).
struct OfflineDrafter {
    /// The year drafts count from (a vision's default horizon is five years on).
    var currentYear: Int
    var context: BusinessContext?

    static let maxValues = 5
    static let maxPillars = 3
    static let maxGoals = 3

    func draft(_ topic: CoachingTopic, from messages: [String]) -> CoachingOutcome {
        let sentences = messages.flatMap(OwnerText.sentences).filter { OwnerText.words($0).count >= 3 }
        var outcome = CoachingOutcome(topic: topic, source: .offline)
        switch topic {
        case .coreValues: outcome.coreValues = values(from: sentences)
        case .purpose: outcome.purpose = purpose(from: sentences)
        case .vision: outcome.vision = vision(from: sentences)
        case .goals: outcome.goals = goals(from: sentences)
        }
        outcome.summary = "Drafted from your own words in this conversation."
        outcome.confidence = confidence(outcome)
        return outcome
    }

    /// More confidence the more complete the draft is (a rough, honest signal).
    func confidence(_ outcome: CoachingOutcome) -> Double {
        guard outcome.isUsable else { return 0.3 }
        return outcome.missingParts.isEmpty ? 0.7 : 0.5
    }

    // MARK: Core values

    func values(from sentences: [String]) -> [CoreValue] {
        // Each value's meaning is the owner's sentence that carries it most strongly
        // (a story of frustration names what the owner rejects, so it comes last).
        var scored: [(name: String, score: Int, first: Int, sentence: String, best: Int)] = []
        for (index, sentence) in sentences.enumerated() {
            let aversion = Self.contains(sentence, any: ["frustrat", "hate", "annoy", "can't stand"]) ? 1 : 0
            for hit in ValueIndicators.hits(in: OwnerText.words(sentence)) {
                let strength = hit.count * 2 - aversion
                if let existing = scored.firstIndex(where: { $0.name == hit.indicator.name }) {
                    scored[existing].score += hit.count
                    if strength > scored[existing].best { (scored[existing].sentence, scored[existing].best) = (sentence, strength) }
                } else {
                    scored.append((hit.indicator.name, hit.count, index, sentence, strength))
                }
            }
        }
        return scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.first < $1.first }
            .prefix(Self.maxValues)
            .map { CoreValue(name: $0.name, meaning: OwnerText.sentence($0.sentence)) }
    }

    // MARK: Purpose

    static let servedWords = ["customer", "client", "people", "famil", "owner", "business", "patient", "student", "communit",
                              "neighbo", "kids", "children", "team", "member", "user"]
    static let reasonWords = ["matter", "so that", "difference", "deserve", "means", "because"]
    static let purposeWords = ["help", "serve", "exist", "give", "make", "bring", "feed", "build", "support"]

    func purpose(from sentences: [String]) -> PurposeStatement? {
        guard let statement = sentences.first(where: { Self.contains($0, any: Self.purposeWords) })
            ?? sentences.first(where: { Self.contains($0, any: Self.servedWords) }) ?? sentences.first else { return nil }
        let who = Self.servedWords.lazy.compactMap { word in
            sentences.first { Self.contains($0, any: [word]) && $0 != statement }
        }.first
        // The strongest reason first: what "matters", then "so that", then any "because".
        let why = Self.reasonWords.lazy.compactMap { word in
            sentences.first { Self.contains($0, any: [word]) && $0 != statement && $0 != who }
        }.first
        return PurposeStatement(
            statement: OwnerText.sentence(statement),
            whoWeServe: who.map { OwnerText.sentence($0) },
            whyItMatters: why.map { OwnerText.sentence($0) }
        )
    }

    /// The purpose as one sentence: the statement, then why it matters.
    static func oneSentence(_ purpose: PurposeStatement) -> String {
        var sentence = OwnerText.clause(purpose.statement, limit: 200)
        if let why = purpose.whyItMatters, OwnerText.clause(why) != sentence {
            var reason = OwnerText.clause(why, limit: 190)
            // "It matters to me because my grandmother ..." → "my grandmother ...".
            if let range = reason.findRange(of: "because ", last: true) { reason = String(reason[range.upperBound...]) }
            reason = OwnerText.lowercasedStart(reason)
            sentence += ", because " + reason
        }
        return OwnerText.sentence(sentence)
    }

    static func contains(_ sentence: String, any fragments: [String]) -> Bool {
        let lower = sentence.lowercased()
        return fragments.contains { fragment in
            fragment.contains(" ") ? lower.contains(fragment) : OwnerText.words(lower).contains { $0.hasPrefix(fragment) }
        }
    }

    // MARK: Vision

    static let futureWords = ["will", "we'll", "imagine", "see", "picture", "future", "years", "become", "known"]

    func vision(from sentences: [String]) -> VisionStatement? {
        let future = sentences.filter { Self.contains($0, any: Self.futureWords) }
        guard let first = future.first ?? sentences.first else { return nil }
        let pillars = sentences.filter { $0 != first }
            .filter { sentence in sentence.contains(where: \.isNumber) || Self.contains(sentence, any: Self.servedWords) }
            .prefix(Self.maxPillars)
            .map { OwnerText.sentence($0) }
        return VisionStatement(statement: OwnerText.sentence(first, limit: ContractLimits.maxVisionCharacters),
                               horizonYear: year(in: sentences) ?? currentYear + 5, pillars: Array(pillars))
    }

    /// The first year from now to 2100 the owner mentioned.
    func year(in sentences: [String]) -> Int? {
        for sentence in sentences {
            for word in OwnerText.words(sentence) where word.count == 4 {
                if let year = Int(word), year >= currentYear, ContractLimits.horizonYearRange.contains(year) { return year }
            }
        }
        return nil
    }

    // MARK: Goals

    static let stepWords = ["first step", "this week", "tomorrow", "start by", "begin", "monday", "first thing"]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december"]

    func goals(from sentences: [String]) -> [OutcomeGoal] {
        let step = sentences.first { Self.contains($0, any: Self.stepWords) }
        let measured = sentences.filter { $0.contains(where: \.isNumber) && $0 != step }
        let candidates = measured.isEmpty ? Array(sentences.prefix(1)) : measured
        return candidates.prefix(Self.maxGoals).enumerated().map { index, sentence in
            var goal = OutcomeGoal(title: OwnerText.sentence(sentence, limit: ContractLimits.maxTitleCharacters))
            goal.target = target(in: sentence)
            goal.dueDate = dueDate(in: sentence)
            if index == 0, let step { goal.firstStep = OwnerText.sentence(step) }
            link(&goal, sentence: sentence)
            return goal
        }
    }

    /// The first number in the sentence with the word that follows it ("20 new clients", "$40k a month").
    func target(in sentence: String) -> String? {
        let tokens = sentence.split(separator: " ").map(String.init)
        guard let index = tokens.firstIndex(where: { $0.contains(where: \.isNumber) && Int(OwnerText.clause($0)) .map { $0 < 1900 || $0 > 2100 } ?? true })
        else { return nil }
        let end = min(tokens.count, index + 3)
        return OwnerText.clause(tokens[index..<end].joined(separator: " "), limit: 80)
    }

    /// "by June 2027", "by 2027", "end of 2026": the last day of that month or year.
    func dueDate(in sentence: String) -> ContractDate? {
        let words = OwnerText.words(sentence)
        guard let yearIndex = words.firstIndex(where: { $0.count == 4 && Int($0).map { ContractLimits.horizonYearRange.contains($0) } == true }),
              let year = Int(words[yearIndex]) else { return nil }
        var month = 12
        if yearIndex > 0, let named = Self.months.firstIndex(of: words[yearIndex - 1]) { month = named + 1 }
        let days = [31, CivilDate.isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let text = "\(year)-\(CivilDate.pad(month, 2))-\(days[month - 1])"
        return ContractDate(iso8601: text)
    }

    /// Links a goal to the context's goal or KPI whose name shares words with it.
    func link(_ goal: inout OutcomeGoal, sentence: String) {
        guard let context else { return }
        let words = OwnerText.significantWords(sentence)
        if let match = context.goals.first(where: { !OwnerText.significantWords($0.title).isDisjoint(with: words) }) {
            goal.goalID = match.id
        }
        if let kpi = context.kpis.first(where: { !OwnerText.significantWords($0.name).isDisjoint(with: words) }) {
            goal.kpiID = kpi.id
            goal.measure = kpi.name
        }
    }
}
