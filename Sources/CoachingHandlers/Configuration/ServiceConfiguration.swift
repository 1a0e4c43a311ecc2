import Coaching
import CoachingContracts
import LambdaRuntime
import LanguageModels

/// The service's settings, read once from the environment at start-up
/// (docs/ARCHITECTURE.md, "Configuration"). Unknown or malformed values
/// are errors, never silently replaced by defaults.
public struct ServiceConfiguration: Sendable {
    /// Where conversations are kept.
    public enum Storage: Sendable, Equatable {
        /// The embedded default: files under a directory.
        case files(directory: String)
        /// The two DynamoDB tables (endpoint and credentials from the standard variables).
        case dynamoDB(DynamoDBTables)
    }

    /// Where the Bearer-token secret comes from.
    public enum JWTSecretSource: Sendable, Equatable {
        case value(String)
        /// A Secrets Manager secret whose `SecretString` is the key.
        case secretsManager(arn: String)
    }

    public var serviceName: String
    /// Which language model answers coaching turns, and its limits.
    public var languageModel: LanguageModelConfiguration
    public var storage: Storage
    public var jwtSecret: JWTSecretSource?
    public var jwtIssuer: String?
    public var jwtAudience: String?
    /// How long after its `iat` a Bearer token is accepted, whatever its `exp` says.
    public var jwtMaxAgeSeconds: Int = JWTVerifier.defaultMaxAgeSeconds
    public var cors: CORSPolicy
    public var coaching: CoachingSettings
    /// The raw environment, for the pieces that read their own variables (models, AWS clients).
    public var environment: LambdaEnvironment

    public init(
        serviceName: String = "coaching", languageModel: LanguageModelConfiguration = LanguageModelConfiguration(),
        storage: Storage = .files(directory: ".coaching-data"), jwtSecret: JWTSecretSource? = nil,
        jwtIssuer: String? = nil, jwtAudience: String? = nil, cors: CORSPolicy = CORSPolicy(allowedOrigins: []),
        coaching: CoachingSettings = CoachingSettings(), environment: LambdaEnvironment = [:]
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

    public init(environment: LambdaEnvironment) throws(ConfigurationError) {
        self.init()
        self.environment = environment
        serviceName = environment["POWERTOOLS_SERVICE_NAME"] ?? "coaching"
        do {
            languageModel = try LanguageModelConfiguration(environment: environment.values)
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
        jwtIssuer = environment["JWT_ISSUER"]
        jwtAudience = environment["JWT_AUDIENCE"]
        jwtMaxAgeSeconds = try Self.integer(environment, "JWT_MAX_AGE_SECONDS", default: jwtMaxAgeSeconds, in: 60...315_360_000)
        cors = CORSPolicy(allowedOrigins: (environment["CORS_ALLOWED_ORIGINS"] ?? "")
            .split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
        coaching.retentionDays = try Self.integer(environment, "CONVERSATION_RETENTION_DAYS", default: coaching.retentionDays, in: 1...3_650)
        coaching.inputCostPerMillionTokens = try Self.decimal(environment, "LLM_INPUT_COST_PER_MTOK", default: 0, in: 0...1_000)
        coaching.outputCostPerMillionTokens = try Self.decimal(environment, "LLM_OUTPUT_COST_PER_MTOK", default: 0, in: 0...1_000)
    }

    static func integer(_ environment: LambdaEnvironment, _ name: String, default value: Int, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let text = environment[name] else { return value }
        guard let parsed = Int(text), range.contains(parsed) else {
            throw ConfigurationError(variable: name, reason: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return parsed
    }

    static func decimal(_ environment: LambdaEnvironment, _ name: String, default value: Double, in range: ClosedRange<Double>) throws(ConfigurationError) -> Double {
        guard let text = environment[name] else { return value }
        guard let parsed = Double(text), parsed.isFinite, range.contains(parsed) else {
            throw ConfigurationError(variable: name, reason: "must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return parsed
    }
}
