import CoachingContracts

/// Everything that makes one coaching topic what it is: its system prompt,
/// its opening question, and a guide for each phase. Topics are data (see
/// ``TopicCatalog``), not strings scattered through the code.
package struct TopicDefinition: Sendable {
    package var topic: CoachingTopic
    /// A short human name, for example "Core values".
    package var title: String
    /// What the conversation produces for the user.
    package var outcome: String
    /// The coach's standing instructions for this topic (our own words).
    package var systemPrompt: String
    /// The first thing the coach says when a conversation starts.
    package var openingQuestion: String
    /// One guide per phase, introduction through validation; completion has none.
    package var phases: [PhaseGuide]

    package func guide(for phase: ConversationPhase) -> PhaseGuide? {
        phases.first { $0.phase == phase }
    }
}

/// How the coach works in one phase.
package struct PhaseGuide: Sendable {
    package var phase: ConversationPhase
    /// What this phase is for, told to the model.
    package var objective: String
    /// Questions the offline coach asks in this phase, in order.
    package var questions: [TopicQuestion]
}

/// A question and the category it explores (the Python service's question
/// categories: motivation, aversion, relationships, decisions for core values;
/// each topic has its own). Deepening needs answers in at least two.
package struct TopicQuestion: Sendable, Equatable {
    package var category: String
    package var text: String

    package init(_ category: String, _ text: String) {
        self.category = category
        self.text = text
    }
}

extension TopicDefinition {
    /// The categories of the topic's exploring questions, in first-use order.
    package var questionCategories: [String] {
        var seen: [String] = []
        for guide in phases where guide.phase < .synthesis {
            for question in guide.questions where !seen.contains(question.category) { seen.append(question.category) }
        }
        return seen
    }
}
