import Essentials
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A small HTTP/1.1 server over POSIX sockets: keep-alive, `Content-Length`
/// and chunked request bodies, one thread per connection.
///
/// It backs the mock Lambda Runtime API, `bootstrap serve`, and the fake
/// upstreams tests put in front of the code under test. It is built for
/// loopback use, not for the open internet.
package final class LocalHTTPServer: @unchecked Sendable {
    package typealias Handler = @Sendable (ServerRequest) -> ServerResponse

    package struct Configuration: Sendable {
        /// `127.0.0.1`, `::1`, or `0.0.0.0` to listen on every interface.
        package var host: String
        /// 0 picks a free port; read it back from ``LocalHTTPServer/port``.
        package var port: Int
        package var maxHeaderBytes: Int
        /// Larger bodies get a 413 without being read.
        package var maxBodyBytes: Int
        /// The answer to a request refused before it reaches the handler
        /// (413, 431, 400 ...), given the status and a short reason; `nil`
        /// answers `{"message": reason}`. The connection is closed after it.
        package var rejection: (@Sendable (_ status: Int, _ reason: String) -> ServerResponse)?
        /// Connections served at once (one thread each); one more is
        /// answered 503 and closed, instead of a thread per idle attacker.
        package var maxConnections: Int
        /// A connection that sends nothing for this long (half a request, or
        /// an idle keep-alive) is closed; writes to a peer that stops reading
        /// give up after it too.
        package var idleTimeoutSeconds: Int

        package init(host: String = "127.0.0.1", port: Int = 0, maxHeaderBytes: Int = 64 * 1024, maxBodyBytes: Int = 8 * 1024 * 1024,
                    rejection: (@Sendable (_ status: Int, _ reason: String) -> ServerResponse)? = nil,
                    maxConnections: Int = 256, idleTimeoutSeconds: Int = 60) {
            self.host = host
            self.port = port
            self.maxHeaderBytes = maxHeaderBytes
            self.maxBodyBytes = maxBodyBytes
            self.rejection = rejection
            self.maxConnections = maxConnections
            self.idleTimeoutSeconds = idleTimeoutSeconds
        }
    }

    private let configuration: Configuration
    private let handler: Handler
    private let lock = ConditionLock()
    private var listener: Int32 = -1
    private var openConnections: Set<Int32> = []
    private var stopped = false
    private var acceptLoopRunning = false
    private var boundPort = 0
    private var acceptedCount = 0

    package init(configuration: Configuration = Configuration(), handler: @escaping Handler) {
        self.configuration = configuration
        self.handler = handler
    }

    deinit { stop() }

    /// The port the server listens on, once started.
    package var port: Int { lock.withLock { boundPort } }

    /// How many connections have been accepted so far (keep-alive checks).
    package var acceptedConnections: Int { lock.withLock { acceptedCount } }

    /// Binds, listens and starts accepting on a background thread.
    /// - Returns: the bound port.
    @discardableResult
    package func start() throws(SocketError) -> Int {
        let (descriptor, port) = try Socket.listen(host: configuration.host, port: configuration.port)
        lock.withLock {
            listener = descriptor
            boundPort = port
            acceptLoopRunning = true
        }
        spawnDetachedThread { [self] in acceptLoop(descriptor) }
        return port
    }

    /// Stops accepting, closes every open connection and waits for the
    /// accept loop to end. Safe to call more than once.
    package func stop() {
        let descriptors: [Int32] = lock.withLock {
            guard !stopped else { return [] }
            stopped = true
            var all = Array(openConnections)
            if listener >= 0 { all.append(listener) }
            return all
        }
        for descriptor in descriptors { shutdown(descriptor, Int32(SHUT_RDWR)) }
        lock.withLock {
            _ = lock.wait(until: { !acceptLoopRunning }, timeoutSeconds: 5)
            if listener >= 0 {
                close(listener)
                listener = -1
            }
        }
    }

    private func acceptLoop(_ descriptor: Int32) {
        defer {
            lock.withLock {
                acceptLoopRunning = false
                lock.broadcast()
            }
        }
        while let (client, peer) = Socket.accept(descriptor) {
            let admission: Admission = lock.withLock {
                guard !stopped else { return .stopped }
                guard openConnections.count < configuration.maxConnections else { return .full }
                openConnections.insert(client)
                acceptedCount += 1
                return .admitted
            }
            switch admission {
            case .stopped:
                close(client)
                return
            case .full:
                Socket.setTimeouts(client, seconds: 1)
                _ = write(rejection(503, "too many connections"), to: client, keepAlive: false)
                close(client)
                continue
            case .admitted:
                Socket.setTimeouts(client, seconds: configuration.idleTimeoutSeconds)
            }
            spawnDetachedThread { [self] in
                serve(client, peer: peer)
                lock.withLock { _ = openConnections.remove(client) }
                close(client)
            }
        }
    }

    private func serve(_ descriptor: Int32, peer: String) {
        let reader = ConnectionReader(descriptor: descriptor)
        while true {
            let request: ServerRequest
            switch HTTPRequestParser.read(from: reader, configuration: configuration, peer: peer) {
            case .request(let parsed):
                request = parsed
            case .closed:
                return
            case .reject(let status, let message):
                _ = write(rejection(status, message), to: descriptor, keepAlive: false)
                return
            }
            let response = handler(request)
            if response.dropConnection { return }
            let keepAlive = !response.closeConnection && !HTTPRequestParser.wantsClose(request)
            guard write(response, to: descriptor, keepAlive: keepAlive), keepAlive else { return }
        }
    }

    private enum Admission {
        case admitted, full, stopped
    }

    private func rejection(_ status: Int, _ message: String) -> ServerResponse {
        configuration.rejection?(status, message) ?? ServerResponse.json(status, "{\"message\":\"\(message)\"}")
    }

    private func write(_ response: ServerResponse, to descriptor: Int32, keepAlive: Bool) -> Bool {
        var head = "HTTP/1.1 \(response.status) \(ServerResponse.reasonPhrase(for: response.status))\r\n"
        for field in response.headers where !field.name.equalsIgnoringASCIICase("content-length")
            && !field.name.equalsIgnoringASCIICase("connection") {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\n"
        if !keepAlive { head += "Connection: close\r\n" }
        head += "\r\n"
        var bytes = Data(head.utf8)
        bytes.append(response.body)
        return bytes.withUnsafeBytes { Socket.writeAll(descriptor, $0) }
    }
}
