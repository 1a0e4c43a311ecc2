/// Who wrote an outcome's current wording.
package enum OutcomeSource: String, Codable, Sendable, CaseIterable {
    /// A language model drafted it from the conversation.
    case model
    /// The offline coach drafted it from the owner's own words.
    case offline
    /// The owner wrote or edited it (`PUT .../outcome`, `POST .../complete` with an outcome).
    case owner
}
