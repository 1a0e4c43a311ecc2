import CoachingContracts

/// Short answers offered to the user when nothing better is available.
enum SuggestionBank {
    static func suggestions(for topic: CoachingTopic, phase: ConversationPhase) -> [String] {
        switch phase {
        case .introduction:
            return ["Let me tell you a story", "I'm not sure where to start", "Can you give me an example?"]
        case .exploration:
            switch topic {
            case .coreValues: return ["A decision I'm proud of", "Something that frustrates me", "What I look for when hiring"]
            case .purpose: return ["A customer we really helped", "Why I started", "What we'd leave behind"]
            case .vision: return ["Our customers then", "Our team then", "How big we'll be"]
            case .goals: return ["The goal that's behind", "What's blocking us", "The number that matters most"]
            }
        case .deepening:
            return ["Here's a concrete example", "I need to think about that", "Let me push back on that"]
        case .synthesis:
            return ["That's close", "Let me reword one part", "Something is missing"]
        case .validation:
            return ["Yes, that's right", "Change one thing", "Not quite yet"]
        case .completion:
            return ["What should I do first?", "Start another topic", "Share this with my team"]
        }
    }
}
