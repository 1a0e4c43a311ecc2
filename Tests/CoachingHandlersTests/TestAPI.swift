import AWSCore
import Coaching
@testable import CoachingHandlers
@testable import CoachingStorage
import Foundation
import LambdaRuntime
import TestSupport

/// The whole HTTP layer on an in-memory store and the offline coach, with
/// captured logs and metrics and a known JWT secret.
struct TestAPI {
    static let secret = "test-secret-that-is-at-least-32-bytes-long!"
    static let issuer = "https://auth.test"
    static let audience = "coaching-tests"

    let clock: VirtualTime
    let store: InMemoryConversationStore
    let logs = CapturingLogSink()
    let metricsSink = CapturingLogSink()
    let api: CoachingAPI
    let handler: CoachingLambdaHandler

    init(coach: (any Coach)? = nil, cors: [String] = [], verifier: Bool = true, clock: VirtualTime = VirtualTime(startEpochMilliseconds: 1_795_305_600_000),
         orchestrator: (any Orchestrator)? = nil) {
        self.clock = clock
        store = InMemoryConversationStore(clock: clock)
        let service = CoachingService(store: store, coach: coach ?? OfflineCoach(clock: clock), clock: clock)
        let jwt = verifier ? JWTVerifier(secret: Array(Self.secret.utf8), issuer: Self.issuer, audience: Self.audience, clock: clock) : nil
        api = CoachingAPI(dependencies: HandlerDependencies(
            service: service, identity: IdentityResolver(verifier: jwt), cors: CORSPolicy(allowedOrigins: cors),
            metrics: MetricsEmitter(namespace: "PurposePath/Coaching", service: "coaching", sink: metricsSink, clock: { 0 }),
            orchestrator: orchestrator
        ))
        handler = CoachingLambdaHandler(api: api)
    }

    /// A valid token for `user` in `tenant`.
    func token(user: String = "alice", tenant: String = "tenant-a", lifetime: Int64 = 3_600) -> String {
        JWTSigner(secret: Array(Self.secret.utf8)).sign(
            userID: user, tenantID: tenant, role: "owner", issuer: Self.issuer, audience: Self.audience,
            now: clock.nowEpochMilliseconds() / 1000, lifetimeSeconds: lifetime
        )
    }

    var context: LambdaContext {
        LambdaContext(requestID: "lambda-request", deadlineMilliseconds: clock.nowEpochMilliseconds() + 30_000,
                      logger: Logger(service: "coaching", sink: logs))
    }

    /// Runs a raw event through the Lambda handler.
    func invoke(_ event: Data) throws -> Data { try handler.handle(event, context: context) }

    /// Sends an HTTP API (2.0) event; identity from the Lambda authorizer
    /// context by default, or from a bearer token, or none.
    func send(
        _ method: String, _ path: String, body: String? = nil, query: [String: String] = [:], headers: [String: String] = [:],
        identity: Identity = .authorizer(user: "alice", tenant: "tenant-a")
    ) throws -> Reply {
        let output = try invoke(HTTPEvents.v2(method, path, body: body, query: query, headers: headers, identity: identity))
        return try Reply(JSONDecoder().decode(ProxyResponse.self, from: output))
    }

    typealias Identity = HTTPEvents.Identity

    struct ProxyResponse: Decodable {
        var statusCode: Int
        var headers: [String: String]
        var body: String
        enum CodingKeys: String, CodingKey { case statusCode, headers, body }
    }

    /// A response with its envelope parsed loosely for assertions.
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String

        init(_ response: ProxyResponse) {
            status = response.statusCode
            headers = response.headers
            body = response.body
        }

        func data<Value: Decodable>(_ type: Value.Type) throws -> Value {
            try JSONDecoder().decode(DataEnvelope<Value>.self, from: Data(body.utf8)).data
        }

        var error: ErrorBody? { try? JSONDecoder().decode(ErrorBody.self, from: Data(body.utf8)) }
    }

    struct DataEnvelope<Value: Decodable>: Decodable {
        var success: Bool
        var data: Value
        enum CodingKeys: String, CodingKey { case success, data }
    }

    struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var loc: [LocPart]
            var type: String
            enum CodingKeys: String, CodingKey { case loc, type }
        }
        var success: Bool
        var errorCode: String
        var details: [Detail]?
        var requestID: String?
        enum CodingKeys: String, CodingKey {
            case success, errorCode = "error_code", details, requestID = "request_id"
        }

        var locations: [String] { (details ?? []).map { $0.loc.map(\.text).joined(separator: ".") } }
    }

    struct LocPart: Decodable {
        var text: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) { text = String(number) } else { text = try container.decode(String.self) }
        }
    }
}
