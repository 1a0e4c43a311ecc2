/// Facts about the function that Lambda puts in the environment.
public struct FunctionMetadata: Sendable, Equatable {
    public var functionName: String
    public var functionVersion: String
    public var memoryLimitMegabytes: Int?
    public var logGroupName: String?
    public var logStreamName: String?
    public var region: String?
    /// `on-demand`, `provisioned-concurrency` or `snap-start`.
    public var initializationType: String?

    public init(
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

    public init(environment: LambdaEnvironment) {
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
