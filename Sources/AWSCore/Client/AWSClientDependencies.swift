import Essentials
/// The side effects of an ``AWSClient``, each replaceable in tests.
package struct AWSClientDependencies: Sendable {
    package var transport: any HTTPTransport
    package var clock: any EpochClock
    package var sleeper: any Sleeper
    package var random: any RandomSource
    /// Shared by default across the process, like the SDKs' token bucket.
    package var retryQuota: RetryQuota
    package var observer: (any AWSCallObserver)?

    package init(
        transport: any HTTPTransport = HTTPClientPool(),
        clock: any EpochClock = SystemClock(),
        sleeper: any Sleeper = ThreadSleeper(),
        random: any RandomSource = SystemRandomSource(),
        retryQuota: RetryQuota = .shared,
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
