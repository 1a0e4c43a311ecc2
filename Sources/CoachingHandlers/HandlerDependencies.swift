import AWSCore
import Coaching
import LambdaRuntime

/// What the handlers need, built once per process by ``Application``.
public struct HandlerDependencies: Sendable {
    public var service: CoachingService
    public var identity: IdentityResolver
    public var cors: CORSPolicy
    /// EMF records (latency, model usage); `nil` in tests that do not look.
    public var metrics: MetricsEmitter?
    /// DynamoDB calls made while answering, for the `DynamoDBRetries` metric.
    public var awsCalls: AWSCallRecorder?

    public init(service: CoachingService, identity: IdentityResolver, cors: CORSPolicy = CORSPolicy(allowedOrigins: []),
                metrics: MetricsEmitter? = nil, awsCalls: AWSCallRecorder? = nil) {
        self.service = service
        self.identity = identity
        self.cors = cors
        self.metrics = metrics
        self.awsCalls = awsCalls
    }
}
