import Coaching
import CoachingContracts
import CoachingHandlers
import CoachingStorage
import Essentials
import LambdaRuntime
import LanguageModels

/// The service's settings, read once from the environment at start-up
/// (docs/ARCHITECTURE.md, "Configuration"). Unknown or malformed values
/// are errors, never silently replaced by defaults.
package struct ServiceConfiguration: Sendable {
    /// Where conversations are kept.
    package enum Storage: Sendable, Equatable {
        /// The embedded default: files under a directory.
        case files(directory: String)
        /// The two DynamoDB tables (endpoint and credentials from the standard variables).
        case dynamoDB(DynamoDBTables)
    }

    /// Where the Bearer-token secret comes from.
    package enum JWTSecretSource: Sendable, Equatable {
        case value(String)
        /// A Secrets Manager secret whose `SecretString` is the key.
        case secretsManager(arn: String)
    }

    package var serviceName: String
    /// Which language model answers coaching turns, and its limits.
    package var languageModel: LanguageModelConfiguration
    package var storage: Storage
    package var jwtSecret: JWTSecretSource?
    /// A Secrets Manager secret holding the OpenAI-compatible API key
    /// (`OPENAI_API_KEY_ARN`), read at start-up when `OPENAI_API_KEY` is not set.
    var openAIKeySecretARN: String?
    var jwtIssuer: String?
    var jwtAudience: String?
    /// How long after its `iat` a Bearer token is accepted, whatever its `exp` says.
    var jwtMaxAgeSeconds: Int = JWTVerifier.defaultMaxAgeSeconds
    package var cors: CORSPolicy
    package var coaching: CoachingSettings
    /// The Express state machine `POST /api/v1/coaching/orchestrated` runs (`COACHING_ORCHESTRATOR_ARN`).
    package var orchestratorARN: String?
    /// The raw environment, for the pieces that read their own variables (models, AWS clients).
    package var environment: Environment

    package init(
        serviceName: String = "coaching", languageModel: LanguageModelConfiguration = LanguageModelConfiguration(),
        storage: Storage = .files(directory: ".coaching-data"), jwtSecret: JWTSecretSource? = nil,
        jwtIssuer: String? = nil, jwtAudience: String? = nil, cors: CORSPolicy = CORSPolicy(allowedOrigins: []),
        coaching: CoachingSettings = CoachingSettings(), environment: Environment = [:]
    ) {
        self.serviceName = serviceName
        self.languageModel = languageModel
        self.storage = storage
        self.jwtSecret = jwtSecret
        self.jwtIssuer = jwtIssuer
        self.jwtAudience = jwtAudience
        self.cors = cors
        self.coaching = coaching
        self.environment = environment
    }

    package init(environment: Environment) throws(ConfigurationError) {
        self.init()
        self.environment = environment
        serviceName = environment["POWERTOOLS_SERVICE_NAME"] ?? "coaching"
        do {
            languageModel = try LanguageModelConfiguration(environment: environment)
        } catch {
            throw ConfigurationError(variable: error.variable, reason: error.reason)
        }
        switch (environment["CONVERSATIONS_TABLE"], environment["COACHING_SESSIONS_TABLE"]) {
        case let (conversations?, sessions?):
            storage = .dynamoDB(DynamoDBTables(conversations: conversations, sessions: sessions))
        case (nil, nil):
            storage = .files(directory: environment["COACHING_DATA_DIR"] ?? ".coaching-data")
        case (nil, _?):
            throw ConfigurationError(variable: "CONVERSATIONS_TABLE", reason: "must be set together with COACHING_SESSIONS_TABLE")
        case (_?, nil):
            throw ConfigurationError(variable: "COACHING_SESSIONS_TABLE", reason: "must be set together with CONVERSATIONS_TABLE")
        }
        if let secret = environment["JWT_SECRET"] {
            guard secret.utf8.count >= 32 else {
                throw ConfigurationError(variable: "JWT_SECRET", reason: "must be at least 32 bytes for HS256")
            }
            jwtSecret = .value(secret)
        } else if let arn = environment["JWT_SECRET_ARN"] {
            guard arn.hasPrefix("arn:") else { throw ConfigurationError(variable: "JWT_SECRET_ARN", reason: "must be a Secrets Manager ARN") }
            jwtSecret = .secretsManager(arn: arn)
        }
        if languageModel.provider == .openai, languageModel.apiKey == nil, let arn = environment["OPENAI_API_KEY_ARN"], !arn.isEmpty {
            guard arn.hasPrefix("arn:") else { throw ConfigurationError(variable: "OPENAI_API_KEY_ARN", reason: "must be a Secrets Manager ARN") }
            openAIKeySecretARN = arn
        }
        jwtIssuer = environment["JWT_ISSUER"]
        jwtAudience = environment["JWT_AUDIENCE"]
        cors = CORSPolicy(allowedOrigins: (environment["CORS_ALLOWED_ORIGINS"] ?? "")
            .split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
        if let arn = environment["COACHING_ORCHESTRATOR_ARN"] {
            guard Self.isStateMachineARN(arn) else {
                throw ConfigurationError(variable: "COACHING_ORCHESTRATOR_ARN", reason: "must be a Step Functions state machine ARN")
            }
            orchestratorARN = arn
        }
        do {
            jwtMaxAgeSeconds = try environment.integer("JWT_MAX_AGE_SECONDS", default: jwtMaxAgeSeconds, in: 60...315_360_000)
            coaching.retentionDays = try environment.integer("CONVERSATION_RETENTION_DAYS", default: coaching.retentionDays, in: 1...3_650)
            coaching.contextMaxAgeHours = try environment.integer(
                "BUSINESS_CONTEXT_MAX_AGE_HOURS", default: coaching.contextMaxAgeHours, in: 1...8_760)
            coaching.inputCostPerMillionTokens = try environment.number("LLM_INPUT_COST_PER_MTOK", default: 0, in: 0...1_000)
            coaching.outputCostPerMillionTokens = try environment.number("LLM_OUTPUT_COST_PER_MTOK", default: 0, in: 0...1_000)
        } catch {
            throw ConfigurationError(variable: error.variable, reason: error.reason)
        }
    }
}

extension ServiceConfiguration {
    /// `arn:<partition>:states:<region>:<12 digits>:stateMachine:<name>`.
    static func isStateMachineARN(_ arn: String) -> Bool {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 7, parts[0] == "arn", parts[1].hasPrefix("aws"), parts[2] == "states", parts[5] == "stateMachine" else { return false }
        let region = parts[3], account = parts[4], name = parts[6]
        return !region.isEmpty && region.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
            && account.count == 12 && account.allSatisfy { $0.isASCII && $0.isNumber }
            && (1...80).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
