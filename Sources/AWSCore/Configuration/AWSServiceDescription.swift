/// What the generic client needs to know about one AWS service.
package struct AWSServiceDescription: Sendable {
    /// SigV4 signing name (`dynamodb`, `bedrock`).
    package var signingName: String
    /// Suffix of the `AWS_ENDPOINT_URL_<ID>` override (`DYNAMODB`, `BEDROCK_RUNTIME`).
    package var endpointIdentifier: String
    /// First label of the default host: `{hostPrefix}.{region}.amazonaws.com`.
    package var hostPrefix: String
    package var retry: RetryConfiguration
    package var timeouts: TimeoutConfiguration
    /// Check `x-amz-crc32` on responses (DynamoDB sends it); a mismatch is retried.
    var verifiesCRC32: Bool

    package init(
        signingName: String,
        endpointIdentifier: String,
        hostPrefix: String,
        retry: RetryConfiguration = .standard,
        timeouts: TimeoutConfiguration = TimeoutConfiguration(),
        verifiesCRC32: Bool = false
    ) {
        self.signingName = signingName
        self.endpointIdentifier = endpointIdentifier
        self.hostPrefix = hostPrefix
        self.retry = retry
        self.timeouts = timeouts
        self.verifiesCRC32 = verifiesCRC32
    }

    /// DynamoDB: 4 attempts, 25 ms transient base, CRC32 checked.
    package static let dynamoDB = AWSServiceDescription(
        signingName: "dynamodb",
        endpointIdentifier: "DYNAMODB",
        hostPrefix: "dynamodb",
        retry: .dynamoDB,
        timeouts: TimeoutConfiguration(connectMilliseconds: 1_000, requestMilliseconds: 5_000),
        verifiesCRC32: true
    )

    /// Bedrock Runtime (Converse): signing name `bedrock`, long model calls.
    package static let bedrockRuntime = AWSServiceDescription(
        signingName: "bedrock",
        endpointIdentifier: "BEDROCK_RUNTIME",
        hostPrefix: "bedrock-runtime",
        retry: .standard,
        timeouts: TimeoutConfiguration(connectMilliseconds: 2_000, requestMilliseconds: 60_000)
    )
}
