import CoachingApplication
import CoachingHandlers
import Essentials
import LambdaRuntime
import Testing

@Suite struct ServiceConfigurationTests {
    @Test func defaultsToTheOfflineCoach() throws {
        #expect(try ServiceConfiguration(environment: [:]).languageModel.provider == .offline)
    }

    @Test func acceptsKnownProviders() throws {
        let bedrock: Environment = ["LLM_PROVIDER": "bedrock", "BEDROCK_MODEL_ID": "us.anthropic.claude-haiku-4-5-20251001-v1:0", "AWS_REGION": "us-east-1"]
        #expect(try ServiceConfiguration(environment: bedrock).languageModel.provider == .bedrock)
        let openai: Environment = ["LLM_PROVIDER": "OpenAI", "OPENAI_BASE_URL": "http://localhost:11434/v1", "OPENAI_MODEL": "llama3.2"]
        #expect(try ServiceConfiguration(environment: openai).languageModel.provider == .openai)
    }

    @Test func unknownProviderIsATypedInitError() {
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration(environment: ["LLM_PROVIDER": "gpt-please"])
        }
        #expect(error?.errorType == "InvalidConfiguration")
        #expect(error?.variable == "LLM_PROVIDER")
    }
}
