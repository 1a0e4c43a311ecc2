import CoachingContracts

extension CoachingTopic {
    /// Where the topic sits on the owner's journey: values, purpose, vision, goals.
    package var journeyOrder: Int {
        switch self {
        case .coreValues: 0
        case .purpose: 1
        case .vision: 2
        case .goals: 3
        }
    }

    /// Whether a conversation on this topic sees the owner's confirmed outcome of `earlier`:
    /// purpose sees the values, vision values and purpose, goals all three.
    package func builds(on earlier: CoachingTopic) -> Bool {
        earlier.journeyOrder < journeyOrder
    }
}
