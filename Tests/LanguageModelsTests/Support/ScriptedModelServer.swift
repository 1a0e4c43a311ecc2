import CurlHTTP
import Foundation
import HTTPTypes
import LocalRuntime

/// A fake model provider on loopback: every request is first inspected (by
/// the provider's own rules: signature, JSON shape, headers) and recorded;
/// a request with problems gets the provider's rejection, any other the
/// next scripted reply.
final class ScriptedModelServer: @unchecked Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: String
        /// Wait this long before answering (a slow model).
        var delayMilliseconds: Int = 0

        func delayed(by milliseconds: Int) -> Reply {
            var copy = self
            copy.delayMilliseconds = milliseconds
            return copy
        }
    }

    struct Received: Sendable {
        var request: ServerRequest
        /// What the inspector found wrong; empty for a well-formed request.
        var problems: [String]
    }

    typealias Inspector = @Sendable (ServerRequest) -> [String]
    typealias Rejection = @Sendable ([String]) -> Reply

    private let lock = NSLock()
    private var script: [Reply]
    private var log: [Received] = []
    private let inspector: Inspector
    private let rejection: Rejection
    private var server: LocalHTTPServer?

    init(script: [Reply], inspector: @escaping Inspector, rejection: @escaping Rejection) {
        self.script = script
        self.inspector = inspector
        self.rejection = rejection
    }

    deinit { server?.stop() }

    /// Listens on a free loopback port; returns `http://127.0.0.1:PORT`.
    func start() throws -> String {
        let server = LocalHTTPServer { [self] request in handle(request) }
        let port = try server.start()
        lock.withLock { self.server = server }
        return "http://127.0.0.1:\(port)"
    }

    func stop() { lock.withLock { server }?.stop() }

    var received: [Received] { lock.withLock { log } }
    var attempts: Int { received.count }
    /// Every problem found in every request.
    var problems: [String] { received.flatMap(\.problems) }

    private func handle(_ request: ServerRequest) -> ServerResponse {
        let problems = inspector(request)
        let reply: Reply = lock.withLock {
            log.append(Received(request: request, problems: problems))
            if !problems.isEmpty { return rejection(problems) }
            guard !script.isEmpty else {
                return Reply(status: 599, headers: [], body: #"{"message":"the test script has no more replies"}"#)
            }
            return script.removeFirst()
        }
        if reply.delayMilliseconds > 0 { usleep(useconds_t(reply.delayMilliseconds * 1_000)) }
        return ServerResponse(status: reply.status, headers: HTTPHeaders(reply.headers), body: Data(reply.body.utf8))
    }
}
