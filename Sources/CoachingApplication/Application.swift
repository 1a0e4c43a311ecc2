import AWSCore
import Coaching
import CoachingHandlers
import CoachingStorage
import DynamoDB
import Essentials
import LambdaRuntime
import LanguageModels

/// Builds the function's dependencies from configuration, once per process,
/// before the first `next`. Any failure here is an init error.
package enum Application {
    package static func makeHandler(configuration: ServiceConfiguration, logger: Logger) throws -> CoachingLambdaHandler {
        CoachingLambdaHandler(api: try makeAPI(configuration: configuration, logger: logger))
    }

    package static func makeAPI(configuration: ServiceConfiguration, logger: Logger) throws -> CoachingAPI {
        let clock = SystemClock()
        let awsEnvironment = configuration.environment
        var configuration = configuration
        configuration.languageModel = try languageModelWithSecretKey(configuration, environment: awsEnvironment)
        let awsCalls = AWSCallRecorder()
        let store = try makeStore(configuration.storage, environment: awsEnvironment, observer: awsCalls, clock: clock)
        let coach = try makeCoach(configuration, clock: clock)
        let service = CoachingService(store: store, coach: coach, clock: clock, settings: configuration.coaching)
        let verifier = try makeVerifier(configuration, environment: awsEnvironment, clock: clock)
        let orchestrator = try configuration.orchestratorARN.map { (arn) throws(ConfigurationError) in
            try StepFunctionsOrchestrator.make(stateMachineARN: arn, environment: awsEnvironment)
        }
        logger.debug("dependencies ready", [
            "store": .string(configuration.storage.kind), "provider": .string(configuration.languageModel.provider.rawValue),
            "bearerTokens": .bool(verifier != nil),
        ])
        return CoachingAPI(
            configuration: HandlerConfiguration(serviceName: configuration.serviceName),
            dependencies: HandlerDependencies(
                service: service, identity: IdentityResolver(verifier: verifier), cors: configuration.cors,
                metrics: MetricsEmitter(namespace: "PurposePath/Coaching", service: configuration.serviceName),
                awsCalls: awsCalls, orchestrator: orchestrator
            )
        )
    }

    static func makeStore(
        _ storage: ServiceConfiguration.Storage, environment: Environment, observer: AWSCallRecorder, clock: any EpochClock
    ) throws(ConfigurationError) -> any ConversationStore {
        switch storage {
        case .files(let directory):
            do {
                return try FileConversationStore(directory: directory, clock: clock)
            } catch {
                throw ConfigurationError(variable: "COACHING_DATA_DIR", reason: "the data directory cannot be created")
            }
        case .dynamoDB(let tables):
            do {
                let client = try DynamoDBClient.fromEnvironment(environment).withObserver(observer)
                return DynamoDBConversationStore(client: client, tables: tables, clock: clock)
            } catch {
                throw ConfigurationError(variable: "AWS_REGION", reason: "the DynamoDB client cannot be configured (\(error.code))")
            }
        }
    }

    /// The offline coach, or the configured model with the offline coach as its fallback.
    static func makeCoach(_ configuration: ServiceConfiguration, clock: any EpochClock) throws(ConfigurationError) -> any Coach {
        let offline = OfflineCoach(clock: clock)
        let model: (any LanguageModel)?
        do {
            model = try configuration.languageModel.makeModel()
        } catch {
            throw ConfigurationError(variable: error.variable, reason: error.reason)
        }
        guard let model else { return offline }
        let primary = ModelCoach(
            model: model, maxTokens: configuration.languageModel.maxTokens,
            temperature: configuration.languageModel.temperature, clock: clock
        )
        return FallbackCoach(primary: primary, fallback: offline)
    }

    /// The model settings with the API key read from `OPENAI_API_KEY_ARN`, when
    /// one is configured, checked like `OPENAI_API_KEY` would be.
    static func languageModelWithSecretKey(_ configuration: ServiceConfiguration, environment: Environment) throws(ConfigurationError) -> LanguageModelConfiguration {
        guard let arn = configuration.openAIKeySecretARN else { return configuration.languageModel }
        let key = try SecretsManagerSecret.fetch(
            arn: arn, variable: "OPENAI_API_KEY_ARN", minimumBytes: 1, environment: environment, deadline: .after(milliseconds: 5_000)
        )
        var values = configuration.environment
        values.values["OPENAI_API_KEY"] = key
        do {
            return try LanguageModelConfiguration(environment: values)
        } catch {
            throw ConfigurationError(variable: "OPENAI_API_KEY_ARN", reason: "the secret is not a usable API key (\(error.reason))")
        }
    }

    static func makeVerifier(_ configuration: ServiceConfiguration, environment: Environment, clock: any EpochClock) throws(ConfigurationError) -> JWTVerifier? {
        let secret: String
        switch configuration.jwtSecret {
        case nil: return nil
        case .value(let value): secret = value
        case .secretsManager(let arn): secret = try SecretsManagerSecret.fetch(arn: arn, environment: environment, deadline: .after(milliseconds: 5_000))
        }
        return JWTVerifier(
            secret: Array(secret.utf8), issuer: configuration.jwtIssuer, audience: configuration.jwtAudience,
            maxAgeSeconds: Int64(configuration.jwtMaxAgeSeconds), clock: clock
        )
    }
}

extension ServiceConfiguration.Storage {
    var kind: String {
        switch self {
        case .files: "files"
        case .dynamoDB: "dynamodb"
        }
    }
}
