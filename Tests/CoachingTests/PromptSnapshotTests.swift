@testable import Coaching
import CoachingContracts
import Foundation
import LanguageModels
import Testing

/// The exact prompt for a fixed turn, for every topic and phase, against
/// committed snapshots in `Snapshots/`. A change to topics, rules or
/// rendering shows up here as a diff to review; regenerate with
/// `UPDATE_SNAPSHOTS=1 swift test --filter PromptSnapshotTests`.
@Suite struct PromptSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func render(topic: CoachingTopic, phase: ConversationPhase) -> String {
        // Later topics see the confirmed core values (the journey); from validation on there is a draft.
        let values = CoachingOutcome(topic: .coreValues, coreValues: [
            CoreValue(name: "Craft", meaning: "We throw out a batch that is not good enough."),
            CoreValue(name: "Integrity", meaning: "We never lie about where our flour comes from."),
            CoreValue(name: "Service", meaning: "We fed the street during the flood."),
        ], source: .owner)
        let draft = CoachingOutcome(topic: topic, coreValues: values.coreValues,
                                    purpose: PurposeStatement(statement: "We bake real bread for the neighbourhood."),
                                    vision: VisionStatement(statement: "Three shops by 2031.", horizonYear: 2031, pillars: ["A training kitchen"]),
                                    goals: [OutcomeGoal(title: "Open the second shop", target: "1 shop")], source: .offline)
        let turn = CoachingTurn(
            topic: topic, phase: phase, allowedPhase: phase.next, userTurnsInPhase: 1, responses: 6, businessContext: PromptBuilderTests.context,
            businessContextStale: phase == .deepening, journey: topic == .coreValues ? [] : [values],
            draft: phase >= .validation ? draft : nil, categoriesCovered: ["motivation"],
            summary: "- The user said: We bake bread for the neighbourhood.\n- The coach asked: What makes you proud?",
            history: [
                MessageRecord(seq: 1, role: .assistant, content: TopicCatalog.definition(for: topic).openingQuestion, createdAt: 0, expiresAt: 0),
                MessageRecord(seq: 2, role: .user, content: "We stayed open through the flood.", createdAt: 0, expiresAt: 0),
                MessageRecord(seq: 3, role: .assistant, content: "What did that cost you?", createdAt: 0, expiresAt: 0),
            ],
            userMessage: "Two weeks of profit, and we would do it again."
        )
        let prompt = PromptBuilder().build(turn, today: PromptBuilderTests.today)
        var text = "=== system\n\(prompt.system)\n"
        for message in prompt.messages { text += "=== \(message.role.rawValue)\n\(message.text)\n" }
        return text
    }

    static let cases: [(CoachingTopic, ConversationPhase)] = CoachingTopic.allCases.flatMap { topic in
        ConversationPhase.allCases.map { (topic, $0) }
    }

    @Test(arguments: cases)
    func promptsMatchTheirSnapshots(topic: CoachingTopic, phase: ConversationPhase) throws {
        let file = Self.directory.appendingPathComponent("prompt-\(topic.rawValue)-\(phase.rawValue).txt")
        let rendered = Self.render(topic: topic, phase: phase)
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try rendered.write(to: file, atomically: true, encoding: .utf8)
        }
        let snapshot = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == snapshot, "prompt for \(topic.rawValue)/\(phase.rawValue) differs from its snapshot")
    }
}
