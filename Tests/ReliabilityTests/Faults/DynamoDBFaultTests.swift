import CoachingContracts
import Foundation
import LocalRuntime
import Testing
import TestSupport

/// DynamoDB misbehaving under a real `bootstrap`: a fault-injecting proxy in
/// front of moto's server throttles, fails or hangs; the process retries
/// within its budget, stores each turn exactly once, and when storage stays
/// down answers 503 / `StoreUnavailable` with nothing half-written.
@Suite struct DynamoDBFaultTests {
    private func start(_ tables: MotoCoachingTables, proxy: FaultInjectingServer) throws -> (RuntimeProcess, String) {
        let runtime = try RuntimeProcess(environment: tables.environment(endpoint: try proxy.start()))
        let started = try runtime.http(Events.http("POST", "/api/v1/conversations/initiate", body: #"{"topic":"goals"}"#))
        #expect(started.status == 201, "\(started.body)")
        return (runtime, try started.data(InitiateConversationResponse.self).conversationID)
    }

    @Test func throttlingAnd500sAreRetriedAndTheTurnIsStoredOnce() throws {
        let tables = try MotoCoachingTables()
        let proxy = FaultInjectingServer(script: [], fallback: .forward, upstream: tables.moto.endpoint)
        defer { proxy.stop() }
        let (runtime, id) = try start(tables, proxy: proxy)
        let before = proxy.attempts.count
        proxy.enqueue([.throttle(), .throttle(), .forward, .internalError, .forward])
        let text = "We want to double revenue without burning out the team"
        let reply = try runtime.http(Events.http("POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"\#(text)"}"#,
                                                 requestID: "throttled-turn"))
        #expect(reply.status == 200, "\(reply.body)")
        let operations = proxy.attempts.dropFirst(before).map(\.operation)
        #expect(operations == ["Query", "Query", "Query", "TransactWriteItems", "TransactWriteItems"])
        #expect(try tables.stored.count(of: text, in: id) == 1)
        #expect(try tables.stored.messages(id).map(\.seq) == [1, 2, 3])
        #expect(try tables.stored.header(id)?.messageCount == 3)
        // The retries are reported as a metric of that request.
        #expect(runtime.logLines.contains { $0.contains(#""DynamoDBRetries":3"#) && $0.contains("throttled-turn") })

        // A new conversation written through throttling is created once too.
        proxy.enqueue([.throttle(), .forward])
        let chat = try runtime.http(Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"A fresh start"}"#))
        #expect(chat.status == 200)
        let listed = try runtime.http(Events.http("GET", "/api/v1/conversations")).data(ListPage<ConversationSummary>.self)
        #expect(listed.items.count == 2)
        #expect(runtime.finish() == 0)
    }

    @Test func aWriteThatKeepsFailingIs503AndWritesNothing() throws {
        let tables = try MotoCoachingTables()
        let proxy = FaultInjectingServer(script: [], fallback: .forward, upstream: tables.moto.endpoint)
        defer { proxy.stop() }
        let (runtime, id) = try start(tables, proxy: proxy)
        // The read goes through; every attempt at the transaction fails.
        proxy.enqueue([.forward] + Array(repeating: FaultInjectingServer.Fault.internalError, count: 4))
        let lost = "This turn cannot be stored"
        let reply = try runtime.http(Events.http("POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"\#(lost)"}"#))
        #expect(reply.status == 503)
        #expect(reply.error?.errorCode == "STORE_UNAVAILABLE")
        #expect(reply.headers["retry-after"] == "1")
        ResponseHygiene.check(reply, "store unavailable")
        #expect(try tables.stored.messages(id).map(\.seq) == [1])
        #expect(try tables.stored.header(id)?.version == 1)

        // The same through the Step Functions task: a typed error the state machine retries.
        proxy.enqueue([.forward] + Array(repeating: FaultInjectingServer.Fault.internalError, count: 4))
        let task = try runtime.invoke(Events.task(message: lost, conversationID: id))
        #expect(task.lambdaError?.report.errorType == "StoreUnavailable")
        #expect(task.lambdaError?.header == "Function.StoreUnavailable")
        #expect(try tables.stored.count(of: lost, in: id) == 0)

        // Once storage answers again the next turn is stored, right after the opening.
        let next = try runtime.http(Events.http("POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"Back again"}"#))
        #expect(next.status == 200)
        let messages = try tables.stored.messages(id)
        #expect(messages.map(\.seq) == [1, 2, 3])
        #expect(messages.map(\.role) == [.assistant, .user, .assistant])
        #expect(messages[1].content == "Back again")
        #expect(try tables.stored.count(of: lost, in: id) == 0)
        #expect(runtime.finish() == 0)
    }

    @Test func anUnreachableStoreIs503WithinTheDeadline() throws {
        let endpoint = try ClosedPort.endpoint()
        let tables = try MotoCoachingTables()
        let runtime = try RuntimeProcess(environment: tables.environment(endpoint: endpoint))
        let started = Date()
        let reply = try runtime.http(Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"Is anyone there?"}"#),
                                     deadline: .some(String(Self.epochMilliseconds(after: 5))))
        #expect(reply.status == 503)
        #expect(reply.error?.errorCode == "STORE_UNAVAILABLE")
        #expect(Date().timeIntervalSince(started) < 5)
        let task = try runtime.invoke(Events.task(message: "Is anyone there?"))
        #expect(task.lambdaError?.report.errorType == "StoreUnavailable")
        #expect(try runtime.http(Events.http("GET", "/api/v1/health/ready", identity: .none)).status == 503)
        // The process itself is fine: health answers, and nothing reached the real tables.
        #expect(try runtime.http(Events.http("GET", "/api/v1/health", identity: .none)).status == 200)
        #expect(runtime.finish() == 0)
        let listed = try tables.stored.store.conversations(tenantID: "tenant-a", userID: "alice", filter: .init(),
                                                           page: .init(limit: 10), deadline: .none)
        #expect(listed.items.isEmpty)
    }

    @Test func aStoreThatNeverAnswersIs503BeforeTheLambdaDeadline() throws {
        let tables = try MotoCoachingTables()
        let silent = FaultInjectingServer(script: [], fallback: .delay(milliseconds: 8_000, then: .drop))
        defer { silent.stop() }
        let runtime = try RuntimeProcess(environment: tables.environment(endpoint: try silent.start()))
        let started = Date()
        let reply = try runtime.http(Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"Hello?"}"#),
                                     deadline: .some(String(Self.epochMilliseconds(after: 3))))
        let elapsed = Date().timeIntervalSince(started)
        #expect(reply.status == 503)
        #expect(reply.error?.errorCode == "STORE_UNAVAILABLE")
        // Answered before the deadline, with time to spare for posting the answer.
        #expect(elapsed < 2.9, "answered after \(elapsed) s, at or past the 3 s deadline")
        #expect(silent.attempts.count >= 1)
        #expect(try runtime.http(Events.http("GET", "/api/v1/health", identity: .none)).status == 200)
        #expect(runtime.finish() == 0)
    }

    static func epochMilliseconds(after seconds: Double) -> Int64 {
        Int64((Date().timeIntervalSince1970 + seconds) * 1000)
    }
}
