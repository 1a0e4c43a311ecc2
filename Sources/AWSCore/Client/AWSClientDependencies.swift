/// The side effects of an ``AWSClient``, each replaceable in tests.
public struct AWSClientDependencies: Sendable {
    public var transport: any HTTPTransport
    public var clock: any AWSClock
    public var sleeper: any Sleeper
    public var random: any RandomSource
    /// Shared by default across the process, like the SDKs' token bucket.
    public var retryQuota: RetryQuota
    public var observer: (any AWSCallObserver)?

    public init(
        transport: any HTTPTransport = HTTPClientPool(),
        clock: any AWSClock = SystemClock(),
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
