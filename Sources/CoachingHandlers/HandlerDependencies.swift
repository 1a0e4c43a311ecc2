import AWSCore
import Coaching
import LambdaRuntime

/// What the handlers need, built once per process by ``Application``.
package struct HandlerDependencies: Sendable {
    package var service: CoachingService
    package var identity: IdentityResolver
    package var cors: CORSPolicy
    /// EMF records (latency, model usage); `nil` in tests that do not look.
    package var metrics: MetricsEmitter?
    /// DynamoDB calls made while answering, for the `DynamoDBRetries` metric.
    package var awsCalls: AWSCallRecorder?
    /// Runs the Pattern B state machine for `POST /api/v1/coaching/orchestrated`; `nil` when
    /// no state machine is configured (the route then answers 503).
    package var orchestrator: (any Orchestrator)?

    package init(service: CoachingService, identity: IdentityResolver, cors: CORSPolicy = CORSPolicy(allowedOrigins: []),
                metrics: MetricsEmitter? = nil, awsCalls: AWSCallRecorder? = nil, orchestrator: (any Orchestrator)? = nil) {
        self.service = service
        self.identity = identity
        self.cors = cors
        self.metrics = metrics
        self.awsCalls = awsCalls
        self.orchestrator = orchestrator
    }
}
