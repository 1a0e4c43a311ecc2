import AWSCore
import Coaching
import CurlHTTP
import DynamoDB
import Foundation
import TestSupport

/// A moto server of the load test's own, started from `serialized_moto.py`:
/// DynamoDB requests applied one at a time with DynamoDB's transaction and
/// idempotency semantics (stock moto loses concurrent transactional writes;
/// the script says how). No signature checks; any key signs.
final class SerializedMoto: @unchecked Sendable {
    let endpoint: String
    private let child: ChildWatcher
    private let logPath: String
    static let region = "us-east-1"
    static let credentials = AWSCredentials(accessKeyID: "AKIALOADTEST", secretAccessKey: "load-test-secret")

    init() throws {
        guard let python = ExecutableLookup.find("python3") else { throw MotoServerError.notInstalled("python3 is not on PATH") }
        let script = PackagePaths.root.appendingPathComponent("Tests/ReliabilityTests/Support/serialized_moto.py").path
        let port = try Self.freePort()
        logPath = FileManager.default.temporaryDirectory.appendingPathComponent("serialized-moto-\(port).log").path
        child = try ChildWatcher.spawn(executable: python, arguments: [script, "-H", "127.0.0.1", "-p", String(port)],
                                       environment: ProcessInfo.processInfo.environment, outputPath: logPath)
        endpoint = "http://127.0.0.1:\(port)"
        try waitUntilAnswering()
    }

    deinit {
        child.kill(SIGTERM)
        _ = child.waitForExit(timeout: 5)
        try? FileManager.default.removeItem(atPath: logPath)
    }

    /// Transactions moto cancelled (answered 400): optimistic-lock conflicts the writers then retried.
    var cancelledRequests: Int {
        ((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "").components(separatedBy: "\" 400 ").count - 1
    }

    /// The environment for a `bootstrap` using `tables` here.
    func environment(_ tables: DynamoDBTables) -> [String: String] {
        [
            "AWS_ENDPOINT_URL_DYNAMODB": endpoint, "AWS_REGION": Self.region,
            "AWS_ACCESS_KEY_ID": Self.credentials.accessKeyID, "AWS_SECRET_ACCESS_KEY": Self.credentials.secretAccessKey,
            "CONVERSATIONS_TABLE": tables.conversations, "COACHING_SESSIONS_TABLE": tables.sessions,
        ]
    }

    /// Creates fresh tables and returns them with a store reading them back.
    func makeTables() throws -> (DynamoDBTables, StoredConversations) {
        let client = try DynamoDBClient(region: Self.region, endpoint: AWSEndpoint(url: endpoint),
                                        credentialsProvider: StaticCredentialsProvider(Self.credentials),
                                        dependencies: AWSClientDependencies(retryQuota: RetryQuota()))
        let tables = DynamoDBTables(conversations: MotoServer.uniqueTableName("load-conversations"), sessions: MotoServer.uniqueTableName("load-sessions"))
        try tables.create(using: client)
        return (tables, StoredConversations(store: DynamoDBConversationStore(client: client, tables: tables)))
    }

    private func waitUntilAnswering() throws {
        let client = try CurlHTTPClient()
        let started = Date()
        while Date().timeIntervalSince(started) < 30 {
            if child.hasExited { throw MotoServerError.startFailed("serialized moto exited: \((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")") }
            let probe = HTTPRequest(url: "\(endpoint)/moto-api/data.json", connectTimeoutMilliseconds: 200, timeoutMilliseconds: 1_000)
            if let response = try? client.perform(probe), response.status == 200 { return }
            usleep(50_000)
        }
        throw MotoServerError.startFailed("serialized moto did not answer within 30 s")
    }

    private static func freePort() throws -> Int {
        guard let port = Int(try ClosedPort.endpoint().split(separator: ":").last ?? "") else {
            throw MotoServerError.startFailed("no free port")
        }
        return port
    }
}
