import LambdaRuntime
import LocalRuntime
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The coaching API on a local port, the way `sam local start-api` runs it:
/// the POSIX-socket HTTP/1.1 server of `LocalRuntime` (keep-alive, one
/// thread per connection) in front of an ``APIGatewayEmulator``, with the
/// ``PlaygroundPage`` at `/`.
package final class LocalAPIServer: Sendable {
    package struct Configuration: Sendable {
        /// `127.0.0.1` by default: this is a development server.
        package var host: String
        /// 0 picks a free port.
        package var port: Int
        package var limits: APIGatewayEmulator.Limits
        /// How long a shutdown waits for requests in flight.
        package var drainSeconds: Double

        package init(host: String = "127.0.0.1", port: Int = 3000, limits: APIGatewayEmulator.Limits = .init(), drainSeconds: Double = 10) {
            self.host = host
            self.port = port
            self.limits = limits
            self.drainSeconds = drainSeconds
        }
    }

    package let emulator: APIGatewayEmulator
    private let server: LocalHTTPServer
    private let drainSeconds: Double

    package init(configuration: Configuration, handler: any LambdaHandler & Sendable, function: FunctionMetadata = FunctionMetadata(),
                logger: Logger, serialisationKey: @escaping APIGatewayEmulator.SerialisationKey = { _ in nil }) {
        let emulator = APIGatewayEmulator(handler: handler, function: function, logger: logger, limits: configuration.limits,
                                          serialisationKey: serialisationKey)
        self.emulator = emulator
        drainSeconds = configuration.drainSeconds
        server = LocalHTTPServer(
            configuration: .init(host: configuration.host, port: configuration.port, maxBodyBytes: configuration.limits.maxEventBytes,
                                 rejection: { status, reason in emulator.rejection(status: status, reason: reason) }),
            // `/` is the playground page; everything else goes to the API as API Gateway would send it.
            handler: { request in PlaygroundPage.response(to: request) ?? emulator.respond(to: request) }
        )
    }

    /// Binds and starts serving on background threads; returns the port.
    package func start() throws(SocketError) -> Int {
        try server.start()
    }

    /// Lets requests in flight finish (up to the drain time), then closes
    /// every connection. Keep-alive connections are told to close meanwhile.
    package func shutdown() {
        emulator.beginDraining()
        let deadline = MonotonicClock.nanoseconds() + UInt64(max(0, drainSeconds) * 1e9)
        while emulator.inFlight > 0, MonotonicClock.nanoseconds() < deadline {
            usleep(10_000)
        }
        server.stop()
    }
}
