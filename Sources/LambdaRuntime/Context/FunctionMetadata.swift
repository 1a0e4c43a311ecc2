import Essentials
/// Facts about the function that Lambda puts in the environment.
package struct FunctionMetadata: Sendable, Equatable {
    package var functionName: String
    package var functionVersion: String
    package var memoryLimitMegabytes: Int?
    package var logGroupName: String?
    package var logStreamName: String?
    package var region: String?
    /// `on-demand`, `provisioned-concurrency` or `snap-start`.
    package var initializationType: String?

    package init(
        functionName: String = "local",
        functionVersion: String = "$LATEST",
        memoryLimitMegabytes: Int? = nil,
        logGroupName: String? = nil,
        logStreamName: String? = nil,
        region: String? = nil,
        initializationType: String? = nil
    ) {
        self.functionName = functionName
        self.functionVersion = functionVersion
        self.memoryLimitMegabytes = memoryLimitMegabytes
        self.logGroupName = logGroupName
        self.logStreamName = logStreamName
        self.region = region
        self.initializationType = initializationType
    }

    package init(environment: Environment) {
        self.init(
            functionName: environment["AWS_LAMBDA_FUNCTION_NAME"] ?? "local",
            functionVersion: environment["AWS_LAMBDA_FUNCTION_VERSION"] ?? "$LATEST",
            memoryLimitMegabytes: environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"].flatMap { Int($0) },
            logGroupName: environment["AWS_LAMBDA_LOG_GROUP_NAME"],
            logStreamName: environment["AWS_LAMBDA_LOG_STREAM_NAME"],
            region: environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"],
            initializationType: environment["AWS_LAMBDA_INITIALIZATION_TYPE"]
        )
    }
}
