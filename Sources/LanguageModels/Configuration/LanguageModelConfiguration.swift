import AWSCore
import Essentials

/// The model settings, read once from the environment at start-up:
///
/// | variable | meaning |
/// |---|---|
/// | `LLM_PROVIDER` | `bedrock`, `openai` or `offline` (default) |
/// | `BEDROCK_MODEL_ID` | model, inference profile or ARN (bedrock: required) |
/// | `BEDROCK_REGION` | else `AWS_REGION`, else `AWS_DEFAULT_REGION` (bedrock: required) |
/// | `AWS_ENDPOINT_URL_BEDROCK_RUNTIME`, `AWS_ENDPOINT_URL` | endpoint override |
/// | `OPENAI_BASE_URL`, `OPENAI_MODEL` | server and model (openai: required) |
/// | `OPENAI_API_KEY` | sent as `Authorization: Bearer` when set |
/// | `OPENAI_TOKEN_LIMIT_FIELD` | `auto` (default: `max_tokens`, then `max_completion_tokens` once refused), `max_tokens`, `max_completion_tokens` |
/// | `OPENAI_SYSTEM_PROMPT` | `system` (default: a system message) or `user` (folded into the first user turn) |
/// | `LLM_MAX_TOKENS` | 1...8192, default 2000 |
/// | `LLM_TEMPERATURE` | 0...1 on bedrock, 0...2 otherwise, default 0.7 |
/// | `LLM_TIMEOUT_MS` | 1000...120000, default 30000: a whole call, retries included |
package struct LanguageModelConfiguration: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    static let defaultMaxTokens = 2_000
    static let defaultTemperature = 0.7
    package static let defaultTimeoutMilliseconds: Int64 = 30_000
    static let maxTokensRange = 1...8_192
    static let timeoutRange = 1_000...120_000

    package var provider: LanguageModelProvider
    /// The Bedrock model id or the OpenAI-compatible model name.
    package var modelID: String?
    /// Bedrock only.
    package var region: String?
    /// Bedrock only: the public endpoint of ``region`` or the override.
    package var bedrockEndpoint: AWSEndpoint?
    /// OpenAI-compatible only.
    package var openAIEndpoint: OpenAIEndpoint?
    package var apiKey: SecretText?
    /// OpenAI-compatible only: the token-limit field and the system prompt's place.
    package var openAIOptions = OpenAIRequestOptions()
    package var maxTokens: Int
    package var temperature: Double
    package var timeoutMilliseconds: Int64
    /// From `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` (bedrock).
    package var awsCredentials: AWSCredentials?

    /// The offline coach with the default limits.
    package init() {
        provider = .offline
        maxTokens = Self.defaultMaxTokens
        temperature = Self.defaultTemperature
        timeoutMilliseconds = Self.defaultTimeoutMilliseconds
    }

    /// Reads and validates `environment`. Empty values count as unset;
    /// malformed or out-of-range values are errors, never replaced by defaults.
    package init(environment values: Environment) throws(LanguageModelConfigurationError) {
        self.init()
        if let name = values["LLM_PROVIDER"] {
            guard let parsed = LanguageModelProvider(rawValue: name.lowercased()) else {
                throw LanguageModelConfigurationError(
                    variable: "LLM_PROVIDER",
                    reason: "unknown provider; expected one of \(LanguageModelProvider.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            provider = parsed
        }
        do {
            maxTokens = try values.integer("LLM_MAX_TOKENS", default: Self.defaultMaxTokens, in: Self.maxTokensRange)
            timeoutMilliseconds = Int64(try values.integer("LLM_TIMEOUT_MS", default: Int(Self.defaultTimeoutMilliseconds), in: Self.timeoutRange))
            let temperatureRange: ClosedRange<Double> = provider == .bedrock ? 0...1 : 0...2
            temperature = try values.number(
                "LLM_TEMPERATURE", default: Self.defaultTemperature, in: temperatureRange,
                context: provider == .bedrock ? " on Bedrock" : ""
            )
        } catch {
            throw LanguageModelConfigurationError(variable: error.variable, reason: error.reason)
        }
        switch provider {
        case .bedrock: try readBedrock(values)
        case .openai: try readOpenAI(values)
        case .offline: break
        }
    }

    private mutating func readBedrock(_ values: Environment) throws(LanguageModelConfigurationError) {
        guard let model = try values.identifier("BEDROCK_MODEL_ID", maxLength: 2_048, what: "a Bedrock model id, inference profile id or ARN") else {
            throw LanguageModelConfigurationError(variable: "BEDROCK_MODEL_ID", reason: "is required when LLM_PROVIDER is bedrock")
        }
        modelID = model
        let regionVariable = ["BEDROCK_REGION", "AWS_REGION", "AWS_DEFAULT_REGION"].first { values[$0] != nil }
        guard let regionVariable, let region = values[regionVariable] else {
            throw LanguageModelConfigurationError(variable: "BEDROCK_REGION", reason: "is required when LLM_PROVIDER is bedrock (or set AWS_REGION)")
        }
        guard region.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw LanguageModelConfigurationError(variable: regionVariable, reason: "must be a region name such as us-east-1")
        }
        self.region = region
        let overrideVariable = ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "AWS_ENDPOINT_URL"].first { values[$0] != nil }
        do {
            bedrockEndpoint = try AWSEndpoint.resolve(for: .bedrockRuntime, region: region, environment: values)
        } catch {
            throw LanguageModelConfigurationError(
                variable: overrideVariable ?? regionVariable,
                reason: "must be an http or https URL without credentials, such as http://127.0.0.1:4000"
            )
        }
        awsCredentials = AWSCredentials(environment: values)
    }

    private mutating func readOpenAI(_ values: Environment) throws(LanguageModelConfigurationError) {
        guard let baseURL = values["OPENAI_BASE_URL"] else {
            throw LanguageModelConfigurationError(variable: "OPENAI_BASE_URL", reason: "is required when LLM_PROVIDER is openai (Ollama: http://localhost:11434/v1)")
        }
        openAIEndpoint = try OpenAIEndpoint(baseURL: baseURL)
        guard let model = try values.identifier("OPENAI_MODEL", maxLength: 256, what: "a model name") else {
            throw LanguageModelConfigurationError(variable: "OPENAI_MODEL", reason: "is required when LLM_PROVIDER is openai")
        }
        modelID = model
        apiKey = try values.headerSafeSecret("OPENAI_API_KEY")
        if let field = values["OPENAI_TOKEN_LIMIT_FIELD"] {
            guard let parsed = OpenAIRequestOptions.TokenLimitField(rawValue: field.lowercased()) else {
                throw LanguageModelConfigurationError(
                    variable: "OPENAI_TOKEN_LIMIT_FIELD",
                    reason: "expected one of \(OpenAIRequestOptions.TokenLimitField.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            openAIOptions.tokenLimitField = parsed
        }
        if let placement = values["OPENAI_SYSTEM_PROMPT"] {
            guard let parsed = OpenAIRequestOptions.SystemPromptPlacement(rawValue: placement.lowercased()) else {
                throw LanguageModelConfigurationError(variable: "OPENAI_SYSTEM_PROMPT", reason: "expected system or user")
            }
            openAIOptions.systemPrompt = parsed
        }
    }

    /// Every setting except secrets: the API key and AWS credentials show as redacted.
    package var description: String {
        var parts = ["provider: \(provider.rawValue)"]
        if let modelID { parts.append("model: \(modelID)") }
        if let region { parts.append("region: \(region)") }
        if let bedrockEndpoint { parts.append("endpoint: \(bedrockEndpoint)") }
        if let openAIEndpoint { parts.append("endpoint: \(openAIEndpoint)") }
        if provider == .openai {
            parts.append("apiKey: \(apiKey == nil ? "none" : "<redacted>")")
            parts.append("tokenLimitField: \(openAIOptions.tokenLimitField.rawValue)")
            parts.append("systemPrompt: \(openAIOptions.systemPrompt.rawValue)")
        }
        if let awsCredentials { parts.append("credentials: \(awsCredentials)") }
        parts += ["maxTokens: \(maxTokens)", "temperature: \(temperature)", "timeoutMilliseconds: \(timeoutMilliseconds)"]
        return "LanguageModelConfiguration(\(parts.joined(separator: ", ")))"
    }

    package var debugDescription: String { description }
}
