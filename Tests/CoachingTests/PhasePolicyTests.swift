@testable import Coaching
import CoachingContracts
import Testing

@Suite struct PhasePolicyTests {
    func progress(_ responses: Int, categories: Int = 2, draft: Bool = false) -> PhasePolicy.Progress {
        PhasePolicy.Progress(responses: responses, categories: categories, hasDraft: draft)
    }

    @Test func thePythonServicesMinimumsHold() {
        #expect(PhasePolicy.phase(after: .introduction, goalMet: true, progress(1)) == .exploration)
        #expect(PhasePolicy.phase(after: .exploration, goalMet: true, progress(4)) == .exploration)
        #expect(PhasePolicy.phase(after: .exploration, goalMet: true, progress(5, categories: 1)) == .exploration)
        #expect(PhasePolicy.phase(after: .exploration, goalMet: true, progress(5)) == .deepening)
        #expect(PhasePolicy.phase(after: .deepening, goalMet: true, progress(7)) == .deepening)
        #expect(PhasePolicy.phase(after: .deepening, goalMet: true, progress(8)) == .synthesis)
        #expect(PhasePolicy.phase(after: .synthesis, goalMet: true, progress(9)) == .synthesis)
        #expect(PhasePolicy.phase(after: .synthesis, goalMet: true, progress(9, draft: true)) == .validation)
    }

    @Test func aCoachThatJudgesTheGoalUnmetHoldsThePhase() {
        #expect(PhasePolicy.phase(after: .deepening, goalMet: false, progress(20)) == .deepening)
    }

    @Test func noCountOfTurnsEverCompletes() {
        #expect(PhasePolicy.phase(after: .validation, goalMet: true, progress(10_000, categories: 9, draft: true)) == .validation)
        #expect(PhasePolicy.phase(after: .completion, goalMet: true, progress(1)) == .completion)
    }
}

/// The confirmation table of issue 14, and more.
@Suite struct ConfirmationReaderTests {
    @Test(arguments: [
        "yes", "Yes!", "Yes.", "yep", "Yeah, that's it", "Looks right to me.", "looks good", "Absolutely", "Perfect",
        "That's it", "That’s it.", "Exactly right", "exactly", "Correct", "I agree", "agreed", "Sounds good to me",
        "Spot on", "Lock them in", "Let's go with it", "Yes, lock these in", "confirmed", "I confirm", "That rings true",
        "YES", "It feels right", "works for me",
    ])
    func confirms(text: String) {
        #expect(ConfirmationReader.isConfirmation(text), "\(text)")
    }

    @Test(arguments: [
        "no", "No.", "Nope.", "nah", "Not yet", "not quite", "I don't agree with the second one", "I do not agree",
        "Change the second value to Craft", "No, change it: two goals only", "It doesn't sound like me yet.", "wrong",
        "That's wrong", "Yesterday I showed the list to my team", "Yes, but change the first one", "yes but it doesn't fit",
        "Maybe", "I think so", "Almost", "Kind of", "Perfect?", "Is that right?", "Looks right?", "close, but not there",
        "Perfectly wrong", "yes if we drop the last one", "Sounds good except the vision part", "Absolutely not",
        "", "   ", "Yesss", "eyes on the prize",
        "Yes. We have been in business for nine years and we always put our customers first, even when it cost us a lot of money and time and sleep",
        "I'm not sure", "Let me think", "Two goals only", "merge them", "what is missing?", "Write it as one sentence",
    ])
    func doesNotConfirm(text: String) {
        #expect(!ConfirmationReader.isConfirmation(text), "\(text)")
    }

    @Test func wordsAreWholeAndApostrophesFolded() {
        #expect(ConfirmationReader.words(of: "Don’t—yes, THAT'S it!") == ["don't", "yes", "that's", "it"])
    }
}
