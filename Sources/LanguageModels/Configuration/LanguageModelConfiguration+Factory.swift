import AWSCore
import Coaching

extension LanguageModelConfiguration {
    /// The configured model, or `nil` for `offline`.
    ///
    /// - Parameters:
    ///   - dependencies: transport (share one pool with the other AWS
    ///     clients), clock, sleeper, randomness, retry quota, observer.
    ///   - credentialsProvider: overrides the credentials read from the
    ///     environment (Bedrock only).
    /// - Throws: for Bedrock without credentials.
    package func makeModel(
        dependencies: AWSClientDependencies = AWSClientDependencies(),
        credentialsProvider: (any CredentialsProvider)? = nil
    ) throws(LanguageModelConfigurationError) -> (any LanguageModel)? {
        switch provider {
        case .offline:
            return nil
        case .bedrock:
            guard let modelID, let region, let bedrockEndpoint else {
                throw LanguageModelConfigurationError(variable: "BEDROCK_MODEL_ID", reason: "bedrock needs a model id and a region")
            }
            let credentials: any CredentialsProvider
            if let credentialsProvider {
                credentials = credentialsProvider
            } else if let awsCredentials {
                credentials = StaticCredentialsProvider(awsCredentials)
            } else {
                throw LanguageModelConfigurationError(variable: "AWS_ACCESS_KEY_ID", reason: "bedrock needs AWS credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)")
            }
            return BedrockConverseModel(
                modelID: modelID, region: region, endpoint: bedrockEndpoint, credentialsProvider: credentials,
                timeoutMilliseconds: timeoutMilliseconds, dependencies: dependencies
            )
        case .openai:
            guard let modelID, let openAIEndpoint else {
                throw LanguageModelConfigurationError(variable: "OPENAI_MODEL", reason: "openai needs a base URL and a model")
            }
            return OpenAICompatibleModel(
                modelID: modelID, endpoint: openAIEndpoint, apiKey: apiKey?.value,
                timeoutMilliseconds: timeoutMilliseconds, options: openAIOptions, dependencies: dependencies
            )
        }
    }
}
