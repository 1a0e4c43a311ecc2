import AWSCore
import Coaching
import CoachingHandlers
@testable import CoachingStorage
import CurlHTTP
import Foundation
import HTTPTypes
import LambdaRuntime
@testable import LocalAPI
import LocalRuntime
import Synchronization
import TestSupport

/// The real Lambda handler (offline coach, a chosen store, a known JWT
/// secret, every origin allowed) behind the API Gateway emulation.
struct LocalAPIFixture {
    static let secret = "local-api-tests-secret-of-at-least-32-bytes"

    let logs = CapturingLogSink()
    let handler: CoachingLambdaHandler

    init(store: (any ConversationStore)? = nil) {
        let service = CoachingService(store: store ?? InMemoryConversationStore(), coach: OfflineCoach())
        handler = CoachingLambdaHandler(api: CoachingAPI(dependencies: HandlerDependencies(
            service: service, identity: IdentityResolver(verifier: JWTVerifier(secret: Array(Self.secret.utf8))),
            cors: CORSPolicy(allowedOrigins: ["*"])
        )))
    }

    var logger: Logger { Logger(service: "coaching", sink: logs) }

    func emulator(limits: APIGatewayEmulator.Limits = .init()) -> APIGatewayEmulator {
        APIGatewayEmulator(handler: handler, logger: logger, limits: limits, serialisationKey: ConversationSerialisation.key)
    }

    static func token(user: String = "dana", tenant: String = "tenant-a") -> String {
        JWTSigner(secret: Array(secret.utf8)).sign(userID: user, tenantID: tenant, now: Int64(Date().timeIntervalSince1970))
    }

    static func request(_ method: String, _ target: String, body: String? = nil, token: String? = LocalAPIFixture.token(),
                        headers: HTTPHeaders = [:]) -> ServerRequest {
        var all = headers
        if let token { all.add(name: "Authorization", value: "Bearer \(token)") }
        if body != nil { all.add(name: "Content-Type", value: "application/json") }
        return ServerRequest(method: method, target: target, headers: all, body: Data((body ?? "").utf8), remoteAddress: "127.0.0.1")
    }

    /// The access-log lines written so far, decoded.
    var accessLines: [AccessLine] {
        logs.lines.compactMap { try? JSONDecoder().decode(AccessLine.self, from: Data($0.utf8)) }.filter { $0.message == "access" }
    }
}

struct AccessLine: Decodable, Equatable {
    var message: String
    var method: String
    var path: String
    var status: Int
    var durationMs: Int
    var bytes: Int
    var apiRequestId: String

    enum CodingKeys: String, CodingKey {
        case message, method, path, status, durationMs, bytes, apiRequestId
    }
}

/// The error envelope, as clients read it.
struct ErrorBody: Decodable, Equatable {
    var success: Bool
    var errorCode: String
    var requestID: String?

    enum CodingKeys: String, CodingKey {
        case success
        case errorCode = "error_code"
        case requestID = "request_id"
    }
}

/// A handler that does what a test tells it, and counts overlapping calls.
final class ScriptedHandler: LambdaHandler, Sendable {
    private let body: @Sendable (Data, LambdaContext) throws -> Data
    private let running = Atomic<Int>(0)
    private let peak = Atomic<Int>(0)

    init(_ body: @escaping @Sendable (Data, LambdaContext) throws -> Data) { self.body = body }

    var mostAtOnce: Int { peak.load(ordering: .acquiring) }

    func handle(_ event: Data, context: LambdaContext) throws -> Data {
        let now = running.add(1, ordering: .acquiringAndReleasing).newValue
        defer { running.subtract(1, ordering: .acquiringAndReleasing) }
        var seen = peak.load(ordering: .acquiring)
        while now > seen, !peak.compareExchange(expected: seen, desired: now, ordering: .acquiringAndReleasing).exchanged {
            seen = peak.load(ordering: .acquiring)
        }
        return try body(event, context)
    }

    static let ok = Data(#"{"statusCode":200,"headers":{"content-type":"application/json"},"body":"{}"}"#.utf8)
}
