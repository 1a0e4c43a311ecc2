import AWSCore
import Essentials
import Foundation
import LanguageModels
import Testing

@Suite("Language model configuration")
struct LanguageModelConfigurationTests {
    static let bedrockEnvironment = [
        "LLM_PROVIDER": "bedrock",
        "BEDROCK_MODEL_ID": "us.anthropic.claude-haiku-4-5-20251001-v1:0",
        "AWS_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "AKIDCONFIGTEST",
        "AWS_SECRET_ACCESS_KEY": "config/secret+value0123456789",
        "AWS_SESSION_TOKEN": "config-session-token-0123456789",
    ]
    static let openAIEnvironment = [
        "LLM_PROVIDER": "openai",
        "OPENAI_BASE_URL": "http://localhost:11434/v1",
        "OPENAI_MODEL": "llama3.2:3b",
    ]
    static let apiKey = "sk-proj-SECRETSECRET-0123456789"

    func error(_ environment: [String: String]) -> LanguageModelConfigurationError? {
        do {
            _ = try LanguageModelConfiguration(environment: Environment(environment))
            return nil
        } catch {
            return error
        }
    }

    @Test("nothing set: offline with the defaults (temperature 0.7, 2000 tokens, 30 s), no model")
    func defaults() throws {
        let configuration = try LanguageModelConfiguration(environment: [:])
        #expect(configuration == LanguageModelConfiguration())
        #expect(configuration.provider == .offline)
        #expect(configuration.maxTokens == 2_000)
        #expect(configuration.temperature == 0.7)
        #expect(configuration.timeoutMilliseconds == 30_000)
        #expect(try configuration.makeModel() == nil)
        #expect(try LanguageModelConfiguration(environment: ["LLM_PROVIDER": ""]).provider == .offline, "empty means unset")
    }

    @Test("bedrock: every variable read, region and endpoint resolved, model made")
    func bedrock() throws {
        var environment = Self.bedrockEnvironment
        environment["LLM_MAX_TOKENS"] = "1024"
        environment["LLM_TEMPERATURE"] = " 0.25 "
        environment["LLM_TIMEOUT_MS"] = "12000"
        let configuration = try LanguageModelConfiguration(environment: Environment(environment))
        #expect(configuration.provider == .bedrock)
        #expect(configuration.modelID == "us.anthropic.claude-haiku-4-5-20251001-v1:0")
        #expect(configuration.region == "us-east-1")
        #expect(configuration.bedrockEndpoint?.description == "https://bedrock-runtime.us-east-1.amazonaws.com")
        #expect(configuration.maxTokens == 1_024)
        #expect(configuration.temperature == 0.25)
        #expect(configuration.timeoutMilliseconds == 12_000)
        #expect(configuration.awsCredentials?.sessionToken == "config-session-token-0123456789")
        let model = try #require(try configuration.makeModel() as? BedrockConverseModel)
        #expect(model.modelID == "us.anthropic.claude-haiku-4-5-20251001-v1:0")
        #expect(model.timeoutMilliseconds == 12_000)
    }

    @Test("bedrock region: BEDROCK_REGION, then AWS_REGION, then AWS_DEFAULT_REGION", arguments: [
        (["BEDROCK_REGION": "eu-west-1", "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "ap-south-1"], "eu-west-1"),
        (["AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "ap-south-1"], "us-east-1"),
        (["AWS_DEFAULT_REGION": "ap-south-1"], "ap-south-1"),
    ])
    func bedrockRegion(regions: [String: String], expected: String) throws {
        var environment = Self.bedrockEnvironment
        environment["AWS_REGION"] = nil
        environment.merge(regions) { _, new in new }
        let configuration = try LanguageModelConfiguration(environment: Environment(environment))
        #expect(configuration.region == expected)
        #expect(configuration.bedrockEndpoint?.host == "bedrock-runtime.\(expected).amazonaws.com")
    }

    @Test("bedrock endpoint override: the service-specific variable wins over AWS_ENDPOINT_URL")
    func bedrockEndpointOverride() throws {
        var environment = Self.bedrockEnvironment
        environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4000"
        #expect(try LanguageModelConfiguration(environment: Environment(environment)).bedrockEndpoint?.description == "http://127.0.0.1:4000")
        environment["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = "http://127.0.0.1:4001/"
        #expect(try LanguageModelConfiguration(environment: Environment(environment)).bedrockEndpoint?.description == "http://127.0.0.1:4001")
    }

    @Test("bedrock without credentials: made only with an explicit credentials provider")
    func bedrockCredentials() throws {
        var environment = Self.bedrockEnvironment
        environment["AWS_ACCESS_KEY_ID"] = nil
        let configuration = try LanguageModelConfiguration(environment: Environment(environment))
        #expect(throws: LanguageModelConfigurationError.self) { try configuration.makeModel() }
        let provider = StaticCredentialsProvider(AWSCredentials(accessKeyID: "a", secretAccessKey: "b"))
        #expect(try configuration.makeModel(credentialsProvider: provider) is BedrockConverseModel)
    }

    @Test("openai: base URL normalised, model read, key optional, model made")
    func openAI() throws {
        var environment = Self.openAIEnvironment
        environment["LLM_TEMPERATURE"] = "1.5"
        environment["OPENAI_BASE_URL"] = "http://localhost:11434"
        let configuration = try LanguageModelConfiguration(environment: Environment(environment))
        #expect(configuration.provider == .openai)
        #expect(configuration.modelID == "llama3.2:3b")
        #expect(configuration.openAIEndpoint?.chatCompletionsURL == "http://localhost:11434/v1/chat/completions")
        #expect(configuration.apiKey == nil)
        #expect(configuration.temperature == 1.5, "0...2 outside Bedrock")
        let model = try #require(try configuration.makeModel() as? OpenAICompatibleModel)
        #expect(model.modelID == "llama3.2:3b")

        environment["OPENAI_API_KEY"] = Self.apiKey
        #expect(try LanguageModelConfiguration(environment: Environment(environment)).apiKey?.value == Self.apiKey)
    }

    @Test("the provider name is case-insensitive")
    func providerCase() throws {
        var environment = Self.openAIEnvironment
        environment["LLM_PROVIDER"] = "OpenAI"
        #expect(try LanguageModelConfiguration(environment: Environment(environment)).provider == .openai)
    }

    @Test("bad values are errors naming the variable", arguments: [
        (["LLM_PROVIDER": "gpt-please"], "LLM_PROVIDER"),
        (["LLM_MAX_TOKENS": "0"], "LLM_MAX_TOKENS"),
        (["LLM_MAX_TOKENS": "8193"], "LLM_MAX_TOKENS"),
        (["LLM_MAX_TOKENS": "1e3"], "LLM_MAX_TOKENS"),
        (["LLM_TEMPERATURE": "-0.1"], "LLM_TEMPERATURE"),
        (["LLM_TEMPERATURE": "2.5"], "LLM_TEMPERATURE"),
        (["LLM_TEMPERATURE": "nan"], "LLM_TEMPERATURE"),
        (["LLM_TEMPERATURE": "warm"], "LLM_TEMPERATURE"),
        (["LLM_TIMEOUT_MS": "999"], "LLM_TIMEOUT_MS"),
        (["LLM_TIMEOUT_MS": "120001"], "LLM_TIMEOUT_MS"),
        (["LLM_TIMEOUT_MS": "30s"], "LLM_TIMEOUT_MS"),
        (bedrockEnvironment.merging(["LLM_TEMPERATURE": "1.5"]) { _, new in new }, "LLM_TEMPERATURE"),
        (bedrockEnvironment.merging(["BEDROCK_MODEL_ID": ""]) { _, new in new }, "BEDROCK_MODEL_ID"),
        (bedrockEnvironment.merging(["BEDROCK_MODEL_ID": "us.model v1"]) { _, new in new }, "BEDROCK_MODEL_ID"),
        (bedrockEnvironment.merging(["AWS_REGION": ""]) { _, new in new }, "BEDROCK_REGION"),
        (bedrockEnvironment.merging(["BEDROCK_REGION": "us east 1"]) { _, new in new }, "BEDROCK_REGION"),
        (bedrockEnvironment.merging(["AWS_ENDPOINT_URL_BEDROCK_RUNTIME": "localhost:4000"]) { _, new in new }, "AWS_ENDPOINT_URL_BEDROCK_RUNTIME"),
        (openAIEnvironment.merging(["OPENAI_BASE_URL": ""]) { _, new in new }, "OPENAI_BASE_URL"),
        (openAIEnvironment.merging(["OPENAI_BASE_URL": "file:///etc/passwd"]) { _, new in new }, "OPENAI_BASE_URL"),
        (openAIEnvironment.merging(["OPENAI_MODEL": ""]) { _, new in new }, "OPENAI_MODEL"),
        (openAIEnvironment.merging(["OPENAI_API_KEY": "sk-a\r\nX-Injected: 1"]) { _, new in new }, "OPENAI_API_KEY"),
    ])
    func badValues(environment: [String: String], variable: String) {
        #expect(error(environment)?.variable == variable)
    }

    @Test("the API key never shows: not in descriptions, dumps, reflection, nor errors")
    func keyRedacted() throws {
        var environment = Self.openAIEnvironment
        environment["OPENAI_API_KEY"] = Self.apiKey
        let configuration = try LanguageModelConfiguration(environment: Environment(environment))
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [configuration.description, configuration.debugDescription, "\(configuration)", String(reflecting: configuration), dumped] {
            #expect(!text.contains("SECRETSECRET"), "\(text)")
        }
        #expect(configuration.description.contains("apiKey: <redacted>"))

        environment["OPENAI_API_KEY"] = "sk-SECRETSECRET with space"
        let failure = try #require(error(environment))
        #expect(failure.variable == "OPENAI_API_KEY")
        #expect(!failure.description.contains("SECRETSECRET"))
    }

    @Test("AWS secrets never show in the description")
    func awsSecretsRedacted() throws {
        let configuration = try LanguageModelConfiguration(environment: Environment(Self.bedrockEnvironment))
        #expect(!configuration.description.contains("config/secret"))
        #expect(!configuration.description.contains("config-session-token"))
        #expect(configuration.description.contains("model: us.anthropic.claude-haiku-4-5-20251001-v1:0"))
    }

    @Test("a base URL with a password is rejected without repeating it")
    func baseURLPasswordNotEchoed() throws {
        var environment = Self.openAIEnvironment
        environment["OPENAI_BASE_URL"] = "http://admin:hunter2@localhost:11434/v1"
        let failure = try #require(error(environment))
        #expect(failure.variable == "OPENAI_BASE_URL")
        #expect(!failure.description.contains("hunter2"))
    }
}
