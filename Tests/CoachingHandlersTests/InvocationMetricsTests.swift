import AWSCore
import Coaching
@testable import CoachingHandlers
@testable import CoachingStorage
import Essentials
import Foundation
import LambdaRuntime
import Testing
import TestSupport

/// A store that reports one DynamoDB call per save, as the DynamoDB adapter's client does.
private final class CallCountingStore: ConversationStore {
    let inner: InMemoryConversationStore
    let recorder: AWSCallRecorder

    init(clock: any EpochClock, recorder: AWSCallRecorder) {
        inner = InMemoryConversationStore(clock: clock)
        self.recorder = recorder
    }

    private func call(_ operation: String) {
        recorder.callDidFinish(AWSCallStatistics(service: "dynamodb", operation: operation, attempts: 2, throttles: 1,
                                                 backoffMilliseconds: 25, durationMilliseconds: 30, errorCode: nil))
    }

    func save(_ write: ConversationWrite, deadline: Deadline) throws(StoreError) {
        call("TransactWriteItems")
        try inner.save(write, deadline: deadline)
    }

    func load(_ key: ConversationKey, recentMessages: Int, deadline: Deadline) throws(StoreError) -> ConversationSnapshot? {
        try inner.load(key, recentMessages: recentMessages, deadline: deadline)
    }

    func message(_ key: ConversationKey, seq: Int, deadline: Deadline) throws(StoreError) -> MessageRecord? {
        try inner.message(key, seq: seq, deadline: deadline)
    }

    func messages(_ key: ConversationKey, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<MessageRecord> {
        try inner.messages(key, page: page, deadline: deadline)
    }

    func conversations(tenantID: String, userID: String, filter: ConversationFilter, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<ConversationRecord> {
        try inner.conversations(tenantID: tenantID, userID: userID, filter: filter, page: page, deadline: deadline)
    }

    func session(tenantID: String, sessionID: String, deadline: Deadline) throws(StoreError) -> SessionRecord? {
        try inner.session(tenantID: tenantID, sessionID: sessionID, deadline: deadline)
    }

    func sessions(tenantID: String, userID: String, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<SessionRecord> {
        try inner.sessions(tenantID: tenantID, userID: userID, page: page, deadline: deadline)
    }

    func outcomes(tenantID: String, userID: String, deadline: Deadline) throws(StoreError) -> [OutcomeRecord] {
        try inner.outcomes(tenantID: tenantID, userID: userID, deadline: deadline)
    }

    func checkReadiness(deadline: Deadline) throws(StoreError) {}
}

/// A coach whose model stopped at its token limit.
private struct CutShortCoach: Coach {
    func reply(to turn: CoachingTurn, deadline: Deadline) throws(CoachError) -> CoachReply {
        CoachReply(text: "Your values are honesty and", model: "cut-short", truncated: true, usage: ModelUsage(inputTokens: 10, outputTokens: 2000))
    }
}

/// Issue 20: call statistics lived in one process-wide recorder, so a Step
/// Functions turn's DynamoDB calls appeared in the next health request's
/// metrics; the metrics' `requestId` was API Gateway's while every log
/// line's is Lambda's; and a reply cut by the token limit was never flagged.
@Suite struct InvocationMetricsTests {
    private struct Harness {
        let metrics = CapturingLogSink()
        let logs = CapturingLogSink()
        let handler: CoachingLambdaHandler
        let clock = VirtualTime(startEpochMilliseconds: 1_795_305_600_000)

        init(coach: (any Coach)? = nil) {
            let recorder = AWSCallRecorder()
            let store = CallCountingStore(clock: clock, recorder: recorder)
            let service = CoachingService(store: store, coach: coach ?? OfflineCoach(clock: clock), clock: clock)
            let api = CoachingAPI(dependencies: HandlerDependencies(
                service: service, identity: IdentityResolver(verifier: nil),
                metrics: MetricsEmitter(namespace: "PurposePath/Coaching", service: "coaching", sink: metrics, clock: { 0 }),
                awsCalls: recorder
            ))
            handler = CoachingLambdaHandler(api: api)
        }

        func invoke(_ event: Data, requestID: String) throws -> Data {
            try handler.handle(event, context: LambdaContext(
                requestID: requestID, deadlineMilliseconds: clock.nowEpochMilliseconds() + 30_000, logger: Logger(service: "coaching", sink: logs)
            ))
        }
    }

    static let task = Data(#"{"source":"orchestrated","user_id":"alice","tenant_id":"tenant-a","message":"Where should we focus?","topic":"goals","business_context":null}"#.utf8)

    @Test func aStepFunctionsTurnEmitsItsOwnMetricsAndLeavesNoneBehind() throws {
        let harness = Harness()
        _ = try harness.invoke(Self.task, requestID: "lambda-task")
        let taskLines = harness.metrics.lines.filter { $0.contains(#""requestId":"lambda-task""#) }
        #expect(taskLines.contains { $0.contains(#""DynamoDBRoundTrips":2"#) && $0.contains(#""DynamoDBRetries":1"#) })
        #expect(taskLines.contains { $0.contains(#""ModelLatency""#) && $0.contains(#""ModelInputTokens""#) })

        _ = try harness.invoke(HTTPEvents.v2("GET", "/api/v1/health", identity: .none), requestID: "lambda-health")
        let healthLines = harness.metrics.lines.filter { $0.contains(#""requestId":"lambda-health""#) }
        #expect(!healthLines.isEmpty)
        #expect(!healthLines.contains { $0.contains("DynamoDB") })
    }

    @Test func httpMetricsCarryLambdasRequestIDAndTheAPIsInItsOwnField() throws {
        let harness = Harness()
        _ = try harness.invoke(HTTPEvents.v2("POST", "/api/v1/coaching/chat", body: #"{"message":"Hello, let's talk about goals"}"#,
                                             identity: .authorizer(user: "alice", tenant: "tenant-a")), requestID: "lambda-chat")
        let latency = try #require(harness.metrics.lines.first { $0.contains(#""RequestLatency""#) })
        #expect(latency.contains(#""requestId":"lambda-chat""#))
        #expect(latency.contains(#""apiRequestId":"req-1""#))
        #expect(harness.metrics.lines.contains { $0.contains(#""DynamoDBRoundTrips":2"#) && $0.contains(#""requestId":"lambda-chat""#) })
    }

    @Test func aReplyCutByTheTokenLimitIsFlaggedInMetadataLogAndMetric() throws {
        let harness = Harness(coach: CutShortCoach())
        let output = try harness.invoke(HTTPEvents.v2("POST", "/api/v1/coaching/chat", body: #"{"message":"What are my values?"}"#,
                                                      identity: .authorizer(user: "alice", tenant: "tenant-a")), requestID: "lambda-chat")
        let reply = try TestAPI.Reply(JSONDecoder().decode(TestAPI.ProxyResponse.self, from: output))
        #expect(reply.status == 200)
        #expect(reply.body.contains(#""truncated":true"#))
        #expect(harness.logs.lines.contains { $0.contains(#""message":"coaching turn""#) && $0.contains(#""truncated":true"#) })
        #expect(harness.metrics.lines.contains { $0.contains(#""ModelTruncated":1"#) })
    }
}
