/// The Python service's twelve value indicators (core_values prompt 1.0.0) and
/// their keywords: the offline coach finds candidate values in the owner's words with them.
enum ValueIndicators {
    struct Indicator: Sendable {
        var name: String
        var keywords: [String]
    }

    static let all: [Indicator] = [
        Indicator(name: "Achievement", keywords: ["accomplish", "success", "goals", "results", "performance", "excellence", "winning"]),
        Indicator(name: "Autonomy", keywords: ["freedom", "independent", "choice", "control", "self-directed", "flexibility"]),
        Indicator(name: "Creativity", keywords: ["innovative", "create", "imagine", "artistic", "original", "unique", "design"]),
        Indicator(name: "Growth", keywords: ["learn", "develop", "improve", "challenge", "expand", "evolve", "progress"]),
        Indicator(name: "Relationships", keywords: ["connect", "team", "collaborate", "people", "community", "family", "love"]),
        Indicator(name: "Integrity", keywords: ["honest", "ethical", "authentic", "truth", "principled", "transparent", "genuine"]),
        Indicator(name: "Service", keywords: ["help", "contribute", "impact", "difference", "serve", "give", "support"]),
        Indicator(name: "Security", keywords: ["stable", "safe", "predictable", "reliable", "consistent", "certain", "protected"]),
        Indicator(name: "Adventure", keywords: ["explore", "risk", "exciting", "new", "dynamic", "travel", "experience"]),
        Indicator(name: "Balance", keywords: ["harmony", "wellbeing", "sustainable", "holistic", "peaceful", "equilibrium"]),
        Indicator(name: "Leadership", keywords: ["influence", "guide", "inspire", "mentor", "lead", "direct", "vision"]),
        Indicator(name: "Recognition", keywords: ["acknowledged", "appreciated", "respected", "valued", "seen", "celebrated"]),
    ]

    /// Whether `word` (lower-cased) carries `keyword`: the same word, or for keywords
    /// of five letters or more a longer form of it ("honesty", "learning", "supported").
    static func matches(_ word: String, _ keyword: String) -> Bool {
        word == keyword || (keyword.count >= 4 && word.hasPrefix(keyword)) || (keyword.count >= 6 && word.hasPrefix(keyword.dropLast()))
    }

    /// The indicators found in `text`, with how many keyword hits each had.
    static func hits(in words: [String]) -> [(indicator: Indicator, count: Int)] {
        all.compactMap { indicator in
            let count = words.filter { word in indicator.keywords.contains { matches(word, $0) } }.count
            return count > 0 ? (indicator, count) : nil
        }
    }
}
