import LambdaRuntime

/// Builds the function's dependencies from configuration. Called once per
/// process, before the first `next`.
public enum Application {
    public static func makeHandler(configuration: ServiceConfiguration, logger: Logger) throws -> CoachingLambdaHandler {
        let api = CoachingAPI(configuration: HandlerConfiguration(serviceName: configuration.serviceName))
        return CoachingLambdaHandler(api: api)
    }
}
