import LambdaRuntime

/// The service's settings, read once from the environment at start-up
/// (the table in docs/ARCHITECTURE.md, "Configuration").
public struct ServiceConfiguration: Sendable {
    /// Which language model answers coaching turns.
    public enum LanguageModelProvider: String, Sendable, CaseIterable {
        case bedrock
        case openai
        case offline
    }

    public var serviceName: String
    public var languageModelProvider: LanguageModelProvider

    public init(serviceName: String = "coaching", languageModelProvider: LanguageModelProvider = .offline) {
        self.serviceName = serviceName
        self.languageModelProvider = languageModelProvider
    }

    /// Reads and validates the environment. Unknown or malformed values are
    /// errors, never silently replaced by defaults.
    public init(environment: LambdaEnvironment) throws(ConfigurationError) {
        self.init()
        serviceName = environment["POWERTOOLS_SERVICE_NAME"] ?? "coaching"
        if let provider = environment["LLM_PROVIDER"] {
            guard let parsed = LanguageModelProvider(rawValue: provider.lowercased()) else {
                throw ConfigurationError(
                    variable: "LLM_PROVIDER",
                    reason: "unknown provider; expected one of \(LanguageModelProvider.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            languageModelProvider = parsed
        }
    }
}
