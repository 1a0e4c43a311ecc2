import CoachingHandlers
import LambdaRuntime
import Testing

@Suite struct ServiceConfigurationTests {
    @Test func defaultsToTheOfflineCoach() throws {
        #expect(try ServiceConfiguration(environment: [:]).languageModelProvider == .offline)
    }

    @Test(arguments: ["bedrock", "OpenAI", "offline"])
    func acceptsKnownProviders(name: String) throws {
        #expect(try ServiceConfiguration(environment: ["LLM_PROVIDER": name]).languageModelProvider.rawValue == name.lowercased())
    }

    @Test func unknownProviderIsATypedInitError() {
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration(environment: ["LLM_PROVIDER": "gpt-please"])
        }
        #expect(error?.errorType == "InvalidConfiguration")
        #expect(error?.variable == "LLM_PROVIDER")
    }
}
