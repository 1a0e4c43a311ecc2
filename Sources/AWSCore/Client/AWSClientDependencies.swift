import Essentials
/// The side effects of an ``AWSClient``, each replaceable in tests.
package struct AWSClientDependencies: Sendable {
    package var transport: any HTTPTransport
    package var clock: any EpochClock
    package var sleeper: any Sleeper
    package var random: any RandomSource
    /// A bucket of its own by default, one per client as botocore keeps
    /// them: an outage of one service (Bedrock) never stops another's
    /// retries (DynamoDB). Pass one instance to share it on purpose.
    package var retryQuota: RetryQuota
    package var observer: (any AWSCallObserver)?

    package init(
        transport: any HTTPTransport = HTTPClientPool(),
        clock: any EpochClock = SystemClock(),
        sleeper: any Sleeper = ThreadSleeper(),
        random: any RandomSource = SystemRandomSource(),
        retryQuota: RetryQuota = RetryQuota(),
        observer: (any AWSCallObserver)? = nil
    ) {
        self.transport = transport
        self.clock = clock
        self.sleeper = sleeper
        self.random = random
        self.retryQuota = retryQuota
        self.observer = observer
    }
}
