import AWSCore
import Coaching
import CoachingContracts
import CoachingHandlers
@testable import CoachingStorage
import DynamoDB
import Foundation
import LocalRuntime
import Testing
import TestSupport

/// The whole path as Lambda runs it: the real `bootstrap` process, the
/// mock Runtime API, and DynamoDB played by moto's server with signature
/// checking on (requests reach moto through a counting proxy).
@Suite struct DynamoDBEndToEndTests {
    static let secret = "end-to-end-secret-at-least-32-bytes-long"

    let moto: MotoServer
    let proxy: FaultInjectingServer
    let proxyURL: String
    let tables: DynamoDBTables
    let store: DynamoDBConversationStore

    init() throws {
        moto = try MotoServer.shared()
        let client = try moto.dynamoDBClient()
        tables = DynamoDBTables(conversations: MotoServer.uniqueTableName("conv"), sessions: MotoServer.uniqueTableName("sess"))
        try tables.create(using: client)
        store = DynamoDBConversationStore(client: client, tables: tables)
        proxy = FaultInjectingServer(script: [], fallback: .forward, upstream: moto.endpoint)
        proxyURL = try proxy.start()
    }

    private func session() throws -> BootstrapSession {
        var environment = moto.environment
        environment["AWS_ENDPOINT_URL_DYNAMODB"] = proxyURL
        environment["CONVERSATIONS_TABLE"] = tables.conversations
        environment["COACHING_SESSIONS_TABLE"] = tables.sessions
        environment["JWT_SECRET"] = Self.secret
        environment["LLM_PROVIDER"] = "offline"
        return try BootstrapSession(environment: environment)
    }

    private func token(user: String = "alice", tenant: String = "tenant-a", lifetime: Int64 = 600) -> String {
        JWTSigner(secret: Array(Self.secret.utf8)).sign(userID: user, tenantID: tenant, now: Int64(Date().timeIntervalSince1970), lifetimeSeconds: lifetime)
    }

    private func http(_ session: BootstrapSession, _ method: String, _ path: String, body: String? = nil,
                      headers: [String: String] = [:], identity: HTTPEvents.Identity? = nil) throws -> HTTPEvents.ProxyResponse {
        let outcome = session.invoke(HTTPEvents.v2(method, path, body: body, headers: headers, identity: identity ?? .bearer(token())))
        return try HTTPEvents.ProxyResponse(try #require(outcome?.responseBody))
    }

    private func storedMessages(_ conversationID: String, tenant: String = "tenant-a") throws -> [MessageRecord] {
        try store.messages(ConversationKey(tenantID: tenant, conversationID: conversationID), page: PageRequest(limit: 500), deadline: .none).items
    }

    @Test func patternAConversationLifecycle() throws {
        let bootstrap = try session()
        defer { bootstrap.finish() }
        let context = #"{"user":{"id":"alice","name":"Alice","email":"a@example.com"},"tenant":{"id":"tenant-a","company":"Martin Bakery"},"goals":[{"id":"g1","title":"Grow revenue","status":"at_risk","target_value":100,"current_value":40}]}"#
        let chat = try http(bootstrap, "POST", "/api/v1/coaching/chat", body: #"{"message":"We keep losing regular customers","topic":"goals","business_context":\#(context)}"#)
        #expect(chat.statusCode == 200)
        let first = try chat.data(CoachingResponse.self)
        #expect(first.businessContextUsed)
        let id = first.conversationID

        // Exactly one Query and one TransactWriteItems per message.
        let before = proxy.attempts.count
        let message = try http(bootstrap, "POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"Families who moved away, mostly"}"#)
        #expect(message.statusCode == 200)
        let targets = proxy.attempts.dropFirst(before).compactMap { $0.request.headers["x-amz-target"] }
        #expect(targets == ["DynamoDB_20120810.Query", "DynamoDB_20120810.TransactWriteItems"])

        let list = try http(bootstrap, "GET", "/api/v1/conversations").data(ListPage<ConversationSummary>.self)
        #expect(list.items.map(\.conversationID) == [id])
        #expect(try http(bootstrap, "POST", "/api/v1/conversations/\(id)/pause", body: "{}").statusCode == 200)
        let blocked = try http(bootstrap, "POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"hello"}"#)
        #expect(blocked.statusCode == 409)
        #expect(blocked.errorCode == "CONVERSATION_NOT_ACTIVE")
        #expect(try http(bootstrap, "POST", "/api/v1/conversations/\(id)/resume").statusCode == 200)
        let completed = try http(bootstrap, "POST", "/api/v1/conversations/\(id)/complete", body: #"{"feedback":"Helpful","rating":4}"#)
        #expect(try completed.data(ConversationStateResponse.self).status == .completed)
        #expect(try http(bootstrap, "DELETE", "/api/v1/conversations/\(id)").statusCode == 409)

        let detail = try http(bootstrap, "GET", "/api/v1/conversations/\(id)").data(ConversationDetail.self)
        #expect(detail.messages.map(\.seq) == [1, 2, 3, 4])
        #expect(try storedMessages(id).map(\.role) == [.user, .assistant, .user, .assistant])
        let sessionID = try #require(detail.summary.sessionID)
        let session = try http(bootstrap, "GET", "/api/v1/sessions/\(sessionID)").data(SessionDetail.self)
        #expect(session.status == .completed)

        let other = try http(bootstrap, "POST", "/api/v1/conversations/initiate", body: #"{"topic":"vision"}"#).data(InitiateConversationResponse.self)
        #expect(try http(bootstrap, "DELETE", "/api/v1/conversations/\(other.conversationID)").data(ConversationStateResponse.self).status == .abandoned)
        #expect(bootstrap.isRunning)
    }

    @Test func patternBWithContextAndFallback() throws {
        let bootstrap = try session()
        defer { bootstrap.finish() }
        let orchestrated = #"{"source":"orchestrated","user_id":"alice","tenant_id":"tenant-a","message":"Where do we start with the new shop?","topic":"purpose","business_context":{"tenant":{"id":"tenant-a","company":"Martin Bakery"},"goals":[{"id":"g1","title":"Open a shop","status":"active"}]},"data_scope":"coaching_context","idempotency_key":"exec-1#CoachWithContext"}"#
        let outcome = try #require(bootstrap.invoke(Data(orchestrated.utf8))?.responseBody)
        let response = try JSONDecoder().decode(CoachingResponse.self, from: outcome)
        #expect(response.businessContextUsed)
        #expect(response.metadata.source == .orchestrated)
        // A Lambda-level retry of the same state is answered from the store.
        let retried = try #require(bootstrap.invoke(Data(orchestrated.utf8))?.responseBody)
        #expect(try JSONDecoder().decode(CoachingResponse.self, from: retried) == response)
        #expect(try storedMessages(response.conversationID).count == 2)

        let fallback = #"{"source":"orchestrated_fallback","user_id":"alice","tenant_id":"tenant-a","message":"Where do we start?","conversation_id":"\#(response.conversationID)","business_context":null,"error_info":{"error":"States.Timeout"}}"#
        let fallbackResponse = try JSONDecoder().decode(CoachingResponse.self, from: try #require(bootstrap.invoke(Data(fallback.utf8))?.responseBody))
        #expect(!fallbackResponse.businessContextUsed)
        #expect(fallbackResponse.metadata.source == .orchestratedFallback)
        #expect(try storedMessages(response.conversationID).count == 4)

        let missing = #"{"source":"orchestrated","user_id":"alice","tenant_id":"tenant-a","message":"hi","conversation_id":"does-not-exist"}"#
        guard case .error(let type, _)? = bootstrap.invoke(Data(missing.utf8)) else {
            Issue.record("expected a typed error")
            return
        }
        #expect(type == "Function.ConversationNotFound")
    }

    @Test func idempotentRetriesStoreOneTurn() throws {
        let bootstrap = try session()
        defer { bootstrap.finish() }
        let started = try http(bootstrap, "POST", "/api/v1/conversations/initiate", body: #"{"topic":"goals"}"#).data(InitiateConversationResponse.self)
        let path = "/api/v1/conversations/\(started.conversationID)/message"
        let first = try http(bootstrap, "POST", path, body: #"{"user_message":"Double our revenue"}"#, headers: ["idempotency-key": "retry-1"])
        let second = try http(bootstrap, "POST", path, body: #"{"user_message":"Double our revenue"}"#, headers: ["idempotency-key": "retry-1"])
        #expect(try first.data(SendMessageResponse.self) == second.data(SendMessageResponse.self))
        #expect(second.headers["idempotent-replayed"] == "true")
        #expect(try storedMessages(started.conversationID).count == 3)
    }

    @Test func twoWritersLoseNothing() throws {
        let writers = [try session(), try session()]
        defer { writers.forEach { $0.finish() } }
        let started = try http(writers[0], "POST", "/api/v1/conversations/initiate", body: #"{"topic":"goals"}"#).data(InitiateConversationResponse.self)
        let path = "/api/v1/conversations/\(started.conversationID)/message"
        let statuses = Statuses()
        let group = DispatchGroup()
        for (index, writer) in writers.enumerated() {
            group.enter()
            let userToken = token()
            Thread.detachNewThread {
                for turn in 0..<6 {
                    let outcome = writer.invoke(HTTPEvents.v2("POST", path, body: #"{"user_message":"writer \#(index) turn \#(turn)"}"#, identity: .bearer(userToken)))
                    let status = (outcome?.responseBody).flatMap { try? HTTPEvents.ProxyResponse($0) }?.statusCode ?? 0
                    statuses.append(status)
                }
                group.leave()
            }
        }
        #expect(group.wait(timeout: .now() + 60) == .success)
        // Every turn is acknowledged (200) or refused after its retries (409),
        // never anything else; every acknowledged message is stored exactly once.
        let acknowledged = statuses.values.filter { $0 == 200 }.count
        #expect(statuses.values.allSatisfy { $0 == 200 || $0 == 409 })
        #expect(acknowledged >= 10)
        let messages = try storedMessages(started.conversationID)
        #expect(messages.map(\.seq) == Array(1...(1 + 2 * acknowledged)))
        let userTexts = messages.filter { $0.role == .user }.map(\.content)
        #expect(userTexts.count == acknowledged)
        #expect(Set(userTexts).count == acknowledged)
        for index in 0..<2 {
            let mine = userTexts.filter { $0.hasPrefix("writer \(index) ") }
            #expect(mine == mine.sorted { $0.split(separator: " ").last.flatMap { Int($0) } ?? 0 < $1.split(separator: " ").last.flatMap { Int($0) } ?? 0 })
        }
    }

    @Test func tenantsAndTokensAreEnforced() throws {
        let bootstrap = try session()
        defer { bootstrap.finish() }
        let started = try http(bootstrap, "POST", "/api/v1/conversations/initiate", body: #"{"topic":"goals"}"#).data(InitiateConversationResponse.self)
        let foreign = try http(bootstrap, "GET", "/api/v1/conversations/\(started.conversationID)", identity: .bearer(token(tenant: "tenant-b")))
        #expect(foreign.statusCode == 404)
        let forged = JWTSigner(secret: Array("somebody-elses-secret-of-32-bytes-or-more".utf8))
            .sign(userID: "alice", tenantID: "tenant-a", now: Int64(Date().timeIntervalSince1970))
        let unsigned = token().split(separator: ".").prefix(2).joined(separator: ".") + "."
        let none = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + token().split(separator: ".")[1] + "."
        for bad in [forged, token(lifetime: -600), unsigned, none] {
            #expect(try http(bootstrap, "GET", "/api/v1/conversations", identity: .bearer(bad)).statusCode == 401)
        }
        #expect(!bootstrap.logs.contains(Self.secret))
    }
}

private final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Int] = []
    func append(_ status: Int) { lock.withLock { recorded.append(status) } }
    var values: [Int] { lock.withLock { recorded } }
}
