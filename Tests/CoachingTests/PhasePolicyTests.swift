@testable import Coaching
import CoachingContracts
import Testing

@Suite struct PhasePolicyTests {
    let topic = TopicCatalog.definition(for: .coreValues)

    @Test func introductionNeedsOneSubstantiveAnswer() {
        #expect(PhasePolicy.phase(after: .introduction, in: topic, userTurnsInPhase: 1, latestMessage: "ok") == .introduction)
        #expect(PhasePolicy.phase(after: .introduction, in: topic, userTurnsInPhase: 1, latestMessage: "we fixed a customer order") == .exploration)
    }

    @Test func explorationNeedsTwoTurnsAndDetail() {
        let detailed = "When we lost a big client we still paid every supplier on time"
        #expect(PhasePolicy.phase(after: .exploration, in: topic, userTurnsInPhase: 1, latestMessage: detailed) == .exploration)
        #expect(PhasePolicy.phase(after: .exploration, in: topic, userTurnsInPhase: 2, latestMessage: "not sure") == .exploration)
        #expect(PhasePolicy.phase(after: .exploration, in: topic, userTurnsInPhase: 2, latestMessage: detailed) == .deepening)
    }

    @Test func validationNeedsConfirmationOrRunsOut() {
        #expect(PhasePolicy.phase(after: .validation, in: topic, userTurnsInPhase: 1, latestMessage: "Not quite, change the second one") == .validation)
        #expect(PhasePolicy.phase(after: .validation, in: topic, userTurnsInPhase: 1, latestMessage: "Yes, that's right") == .completion)
        #expect(PhasePolicy.phase(after: .validation, in: topic, userTurnsInPhase: 3, latestMessage: "hmm") == .completion)
        #expect(PhasePolicy.phase(after: .completion, in: topic, userTurnsInPhase: 9, latestMessage: "yes") == .completion)
    }

    @Test(arguments: ["yes", "Yes!", "I agree", "sounds good to me", "exactly that", "Perfect"])
    func confirmations(text: String) { #expect(PhasePolicy.isConfirmation(text)) }

    @Test(arguments: ["no", "not quite", "No, that isn't it", "I'd change the first", "maybe", "yes but it doesn't fit"])
    func nonConfirmations(text: String) { #expect(!PhasePolicy.isConfirmation(text)) }
}
