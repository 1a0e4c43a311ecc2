import AWSCore
import CurlHTTP
import Foundation

/// moto's server on a free loopback port, started once per test process,
/// with **signature checking on**.
///
/// It is started with `INITIAL_NO_AUTH_ACTION_COUNT`, so that the first
/// IAM calls (create users, keys and a policy) go through unauthenticated;
/// from then on moto recomputes every signature with botocore and checks
/// IAM policies, which makes it a live oracle for our signer.
///
/// moto must be installed (`pip install 'moto[server]'`): when it is not,
/// ``shared()`` throws with a clear message. Tests never skip silently.
package final class MotoServer: Sendable {
    /// `http://127.0.0.1:PORT`.
    package let endpoint: String
    package let port: Int
    package let region = "us-east-1"
    /// A user allowed `dynamodb:*` and `secretsmanager:*`.
    package let credentials: AWSCredentials
    /// A user with a valid key and no policy at all: every action is denied.
    package let deniedCredentials: AWSCredentials
    /// moto's own output, for diagnosing a failing test.
    package let logPath: String

    private let child: ChildWatcher

    private init(endpoint: String, port: Int, credentials: AWSCredentials, deniedCredentials: AWSCredentials, logPath: String, child: ChildWatcher) {
        self.endpoint = endpoint
        self.port = port
        self.credentials = credentials
        self.deniedCredentials = deniedCredentials
        self.logPath = logPath
        self.child = child
    }

    /// The unauthenticated actions moto allows: 2 users × (CreateUser,
    /// CreateAccessKey) + 1 PutUserPolicy.
    static let unauthenticatedActionCount = 5

    private static let startup: Result<MotoServer, MotoServerError> = {
        do throws(MotoServerError) { return .success(try start()) } catch { return .failure(error) }
    }()

    /// The process-wide server; started on first use.
    package static func shared() throws(MotoServerError) -> MotoServer {
        try startup.get()
    }

    /// A server of the caller's own (the load test's), stopped with ``stop()``.
    package static func dedicated() throws(MotoServerError) -> MotoServer {
        try start()
    }

    /// Stops a ``dedicated()`` server.
    package func stop() {
        child.kill(SIGTERM)
        _ = child.waitForExit(timeout: 5)
    }

    /// Environment for a child process (the benchmark, `bootstrap`) talking to this moto.
    package var environment: [String: String] {
        [
            "AWS_ENDPOINT_URL_DYNAMODB": endpoint,
            "AWS_REGION": region,
            "AWS_ACCESS_KEY_ID": credentials.accessKeyID,
            "AWS_SECRET_ACCESS_KEY": credentials.secretAccessKey,
        ]
    }

    private static func start() throws(MotoServerError) -> MotoServer {
        guard ExecutableLookup.find("moto_server") != nil else {
            throw .notInstalled("moto_server is not on PATH: install it with `python3 -m pip install 'moto[server]'` (the DynamoDB tests need it; they are never skipped)")
        }
        guard let python = ExecutableLookup.find("python3") else {
            throw .notInstalled("python3 is not on PATH (needed to run moto_server)")
        }
        let port = try freeLoopbackPort()
        let logPath = NSTemporaryDirectory() + "moto-\(getpid())-\(port).log"
        var environment = ProcessInfo.processInfo.environment
        environment["INITIAL_NO_AUTH_ACTION_COUNT"] = String(unauthenticatedActionCount)
        // moto's server with DynamoDB requests applied one at a time, as DynamoDB
        // does (see the script); it dies with the thread that started it.
        let script = PackagePaths.root.appendingPathComponent("Tests/TestSupport/serialized_moto.py").path
        let child = try ChildWatcher.spawn(
            executable: python,
            arguments: [script, "-H", "127.0.0.1", "-p", String(port)],
            environment: environment,
            outputPath: logPath
        )
        let endpoint = "http://127.0.0.1:\(port)"
        try waitUntilAnswering(endpoint: endpoint, child: child, logPath: logPath)
        let (allowed, denied) = try IAMSetup(endpoint: endpoint).createUsers()
        return MotoServer(endpoint: endpoint, port: port, credentials: allowed, deniedCredentials: denied, logPath: logPath, child: child)
    }

    private static func waitUntilAnswering(endpoint: String, child: ChildWatcher, logPath: String) throws(MotoServerError) {
        let client: CurlHTTPClient
        do { client = try CurlHTTPClient() } catch { throw .startFailed("libcurl: \(error)") }
        let started = Date()
        while Date().timeIntervalSince(started) < 30 {
            if child.hasExited { throw .startFailed("moto_server exited during start-up; see \(logPath)") }
            // `/moto-api/` is moto's own dashboard: it does not use up an unauthenticated action.
            let probe = HTTPRequest(url: "\(endpoint)/moto-api/data.json", connectTimeoutMilliseconds: 200, timeoutMilliseconds: 1_000)
            if let response = try? client.perform(probe), response.status == 200 { return }
            usleep(50_000)
        }
        throw .startFailed("moto_server did not answer within 30 s; see \(logPath)")
    }

    private static func freeLoopbackPort() throws(MotoServerError) -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw .startFailed("socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw .startFailed("bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Why moto could not be provided.
package enum MotoServerError: Error, Sendable, CustomStringConvertible {
    case notInstalled(String)
    case startFailed(String)
    case setupFailed(String)

    package var description: String {
        switch self {
        case .notInstalled(let reason): "moto is not installed: \(reason)"
        case .startFailed(let reason): "moto_server did not start: \(reason)"
        case .setupFailed(let reason): "moto IAM setup failed: \(reason)"
        }
    }
}
