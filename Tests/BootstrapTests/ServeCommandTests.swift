import CurlHTTP
import Foundation
import Testing
import TestSupport

/// `coaching-dev serve`, `token` and `routes`, as a developer runs them.
@Suite struct ServeCommandTests {
    /// `coaching-dev serve --port 0` running in a fresh data directory.
    final class RunningServer: @unchecked Sendable {
        let process = Process()
        let data: TemporaryDirectory
        private let lock = NSLock()
        private var errorText = ""
        private(set) var port = 0
        private var errorPipe: Pipe?

        /// `descriptorLimit` runs it under `ulimit -n` (the shell execs it: same process id).
        init(environment: [String: String?] = [:], descriptorLimit: Int? = nil) throws {
            data = try TemporaryDirectory(prefix: "serve-command")
            if let descriptorLimit {
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", "ulimit -n \(descriptorLimit) && exec \"$0\" serve --port 0", PackagePaths.coachingDev.path]
            } else {
                process.executableURL = PackagePaths.coachingDev
                process.arguments = ["serve", "--port", "0"]
            }
            var merged = ProcessInfo.processInfo.environment
            for name in ["JWT_SECRET", "JWT_SECRET_ARN", "JWT_ISSUER", "JWT_AUDIENCE", "CORS_ALLOWED_ORIGINS", "CONVERSATIONS_TABLE",
                         "COACHING_SESSIONS_TABLE", "LLM_PROVIDER", "AWS_LAMBDA_LOG_FORMAT"] {
                merged[name] = nil
            }
            merged["COACHING_DATA_DIR"] = data.url.path
            for (key, value) in environment { merged[key] = value }
            process.environment = merged
            let pipe = Pipe()
            errorPipe = pipe
            process.standardError = pipe
            process.standardOutput = FileHandle.nullDevice
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let chunk = handle.availableData
                guard let self, !chunk.isEmpty else { return }
                self.lock.withLock { self.errorText += String(decoding: chunk, as: UTF8.self) }
            }
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, process.isRunning {
                if let match = stderr.firstMatch(of: /"port":(\d+)/), let port = Int(match.1) {
                    self.port = port
                    return
                }
                usleep(10_000)
            }
            process.terminate()
            throw ServeFailure(log: stderr)
        }

        var stderr: String { lock.withLock { errorText } }
        var base: String { "http://127.0.0.1:\(port)/api/v1" }

        /// Sends `signal` and waits for the exit status, then for the rest of its log:
        /// the readability handler may not have seen the last lines yet (a busy machine).
        func stop(_ signal: Int32 = SIGINT) -> Int32 {
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            if let handle = errorPipe?.fileHandleForReading {
                handle.readabilityHandler = nil
                let rest = handle.readDataToEndOfFile()
                if !rest.isEmpty { lock.withLock { errorText += String(decoding: rest, as: UTF8.self) } }
            }
            return process.terminationStatus
        }

        deinit {
            if process.isRunning { process.terminate() }
            data.remove()
        }
    }

    struct ServeFailure: Error { var log: String }

    private func run(_ arguments: [String], environment: [String: String?] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(PackagePaths.coachingDev, arguments: arguments,
                              environment: ["JWT_SECRET": nil, "JWT_SECRET_ARN": nil, "JWT_ISSUER": nil, "JWT_AUDIENCE": nil]
                                  .merging(environment) { $1 })
    }

    @Test func servesTheAPIWithADevelopmentTokenAndStopsCleanlyOnCtrlC() throws {
        let server = try RunningServer()
        let token = try run(["token", "--user", "dana", "--tenant", "acme", "--role", "owner"])
        #expect(token.status == 0)
        #expect(token.standardError.contains("local development key"))
        let client = try CurlHTTPClient()
        let health = try client.perform(HTTPRequest(url: "\(server.base)/health"))
        #expect(health.status == 200)
        let chat = try client.perform(HTTPRequest(method: .post, url: "\(server.base)/coaching/chat", headers: [
            "Authorization": "Bearer \(token.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))",
            "Content-Type": "application/json", "Origin": "http://localhost:5173",
        ], body: Data(#"{"message":"Where do we start?","topic":"core_values"}"#.utf8)))
        #expect(chat.status == 200)
        #expect(chat.headers["access-control-allow-origin"] == "http://localhost:5173")
        // Any other site the developer visits cannot read the local store.
        let elsewhere = try client.perform(HTTPRequest(url: "\(server.base)/health", headers: ["Origin": "https://evil.example"]))
        #expect(elsewhere.headers["access-control-allow-origin"] == nil)
        let forged = try client.perform(HTTPRequest(url: "\(server.base)/conversations", headers: ["Authorization": "Bearer a.b.c"]))
        #expect(forged.status == 401)
        #expect(server.stop(SIGINT) == 0)
        let log = server.stderr
        #expect(log.contains("JWT_SECRET is not set"))
        #expect(log.contains(#""message":"stopped""#))
        #expect(log.split(separator: "\n").filter { $0.contains(#""message":"access""#) }.count == 4)
        #expect(!log.contains(token.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func usesAConfiguredSecretAndStopsOnSIGTERM() throws {
        let secret = "a-configured-secret-of-at-least-32-bytes"
        let server = try RunningServer(environment: ["JWT_SECRET": secret])
        let foreign = try run(["token", "--user", "dana", "--tenant", "acme"])
        let own = try run(["token", "--user", "dana", "--tenant", "acme"], environment: ["JWT_SECRET": secret])
        #expect(!own.standardError.contains("local development key"))
        let client = try CurlHTTPClient()
        func status(_ token: String) throws -> Int {
            try client.perform(HTTPRequest(url: "\(server.base)/sessions", headers: [
                "Authorization": "Bearer \(token.trimmingCharacters(in: .whitespacesAndNewlines))",
            ])).status
        }
        #expect(try status(own.standardOutput) == 200)
        #expect(try status(foreign.standardOutput) == 401)
        #expect(server.stop(SIGTERM) == 0)
        #expect(!server.stderr.contains("JWT_SECRET is not set"))
    }

    @Test func moreOriginsOnlyWhenListedAndThePublicKeyOnlyOnLoopback() throws {
        let server = try RunningServer(environment: ["CORS_ALLOWED_ORIGINS": "https://app.purposepath.example"])
        let client = try CurlHTTPClient()
        let preflight = try client.perform(HTTPRequest(method: .options, url: "\(server.base)/conversations/initiate", headers: [
            "Origin": "https://app.purposepath.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type,x-tenant-id,idempotency-key",
        ]))
        #expect(preflight.status == 204)
        #expect(preflight.headers["access-control-allow-origin"] == "https://app.purposepath.example")
        #expect(preflight.headers["access-control-allow-headers"]?.contains("x-tenant-id") == true)
        let local = try client.perform(HTTPRequest(url: "\(server.base)/health", headers: ["Origin": "http://127.0.0.1:8080"]))
        #expect(local.headers["access-control-allow-origin"] == "http://127.0.0.1:8080")
        #expect(server.stop(SIGTERM) == 0)

        let exposed = try run(["serve", "--host", "0.0.0.0", "--port", "0"], environment: ["COACHING_DATA_DIR": server.data.url.path])
        #expect(exposed.status == 1)
        #expect(exposed.standardError.contains("set JWT_SECRET to bind 0.0.0.0"))
    }

    @Test func tokenRefusesMissingOrUnsafeIds() throws {
        let missing = try run(["token", "--user", "dana"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("--user and --tenant"))
        let unsafe = try run(["token", "--user", "dana/../x", "--tenant", "acme"])
        #expect(unsafe.status == 2)
        #expect(unsafe.standardOutput.isEmpty)
        let short = try run(["token", "--user", "dana", "--tenant", "acme"], environment: ["JWT_SECRET": "short"])
        #expect(short.status == 1)
        #expect(try run(["serve", "--port", "99999"]).status == 2)
    }

    @Test func routesListsEveryRoute() throws {
        let result = try run(["routes"])
        #expect(result.status == 0)
        let routes = result.standardOutput.split(separator: "\n")
        #expect(routes.count == 17)
        #expect(routes.contains("POST /api/v1/conversations/{id}/message"))
        #expect(routes.contains("POST /api/v1/coaching/orchestrated"))
        #expect(routes.contains("PUT /api/v1/conversations/{id}/outcome"))
        #expect(routes.contains("GET /api/v1/outcomes/{topic}"))
    }
}
