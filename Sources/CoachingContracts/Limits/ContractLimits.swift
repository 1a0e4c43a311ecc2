/// Every size bound the contracts enforce, in one place.
///
/// The instance properties bound whole documents and lists; callers may pass
/// a different value (the benchmark does, for its oversized context), but
/// production code uses ``standard``. The static constants bound single
/// fields and never change.
package struct ContractLimits: Sendable, Equatable {
    /// Largest request body accepted, checked before any parsing (1 MiB).
    package var maxRequestBytes: Int
    /// Largest `business_context` value, measured on its raw JSON bytes (256 KiB,
    /// the Step Functions state size limit).
    package var maxBusinessContextBytes: Int
    /// Deepest nesting of objects and arrays anywhere in a document.
    package var maxDepth: Int
    /// Longest single JSON string in bytes, known fields or not.
    package var maxStringBytes: Int
    /// Longest JSON number literal in bytes.
    var maxNumberLength: Int
    /// Longest `goals` list in a business context.
    package var maxGoals: Int
    /// Longest `recent_actions` list in a business context.
    package var maxRecentActions: Int
    /// Longest `kpis` (or `measures`) list in a business context.
    package var maxKpis: Int

    package init(
        maxRequestBytes: Int = 1_048_576,
        maxBusinessContextBytes: Int = 262_144,
        maxDepth: Int = 32,
        maxStringBytes: Int = 262_144,
        maxNumberLength: Int = 64,
        maxGoals: Int = 500,
        maxRecentActions: Int = 2_000,
        maxKpis: Int = 500
    ) {
        self.maxRequestBytes = maxRequestBytes
        self.maxBusinessContextBytes = maxBusinessContextBytes
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxNumberLength = maxNumberLength
        self.maxGoals = maxGoals
        self.maxRecentActions = maxRecentActions
        self.maxKpis = maxKpis
    }

    /// The production limits.
    package static let standard = ContractLimits()

    // MARK: Field limits (characters are Unicode scalars, counted after trimming)

    /// A coaching message: 1...4000 characters after trimming.
    static let maxMessageCharacters = 4_000
    /// Goal and action titles.
    package static let maxTitleCharacters = 500
    /// Names of people, companies and KPIs.
    static let maxNameCharacters = 200
    /// Goal and action descriptions.
    static let maxDescriptionCharacters = 4_000
    /// Short labels: statuses, roles, units, industries, sizes.
    static let maxLabelCharacters = 100
    /// Email addresses (RFC 5321 path limit).
    static let maxEmailCharacters = 254
    /// Ids: 1...128 characters of `[A-Za-z0-9._:-]`.
    static let maxIdentifierLength = 128
    /// Idempotency keys: 1...256 printable ASCII characters.
    static let maxIdempotencyKeyLength = 256
    /// Completion feedback.
    static let maxFeedbackCharacters = 1_000
    /// Pause reason.
    static let maxPauseReasonCharacters = 500
    /// Completion rating bounds.
    static let ratingRange = 1...5
    /// Language codes such as `en` or `pt-BR`.
    static let maxLanguageLength = 16
    /// Entries in a message's `metadata` map, and the size of each key and value.
    static let maxMetadataEntries = 16
    static let maxMetadataKeyLength = 64
    static let maxMetadataValueCharacters = 256
    /// Follow-up suggestions in a response (extra ones are dropped when the response is built).
    package static let maxFollowUpSuggestions = 10
    /// Step Functions `error_info`: error name and cause (the Step Functions limit for a cause).
    static let maxErrorNameCharacters = 256
    static let maxErrorCauseCharacters = 32_768
    /// Pagination: page size bounds, default, and the opaque cursor length.
    static let pageSizeRange = 1...100
    static let defaultPageSize = 20
    static let maxCursorLength = 1_024
    /// Outcomes: value names, sentences (meanings, statements, pillars, goal parts),
    /// a vision's paragraph, summaries and business impact notes.
    static let maxOutcomeNameCharacters = 80
    static let maxOutcomeSentenceCharacters = 400
    package static let maxVisionCharacters = 1_000
    static let maxOutcomeNoteCharacters = 1_000
    /// How many core values, vision pillars and goals an outcome holds.
    static let coreValueCount = 3...7
    static let visionPillarCount = 1...5
    static let outcomeGoalCount = 1...5
    /// The years a vision may describe.
    package static let horizonYearRange = 2000...2100
}
