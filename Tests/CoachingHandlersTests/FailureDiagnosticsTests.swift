import Coaching
@testable import CoachingHandlers
@testable import CoachingStorage
import Essentials
import Foundation
import LambdaRuntime
import Testing
import TestSupport

/// Issue 20: a failed store call reached the logs without its cause (even at
/// DEBUG, only a 503), and refusals no retry can fix (a missing table,
/// access denied, ValidationException) answered "retry shortly" 503s.
@Suite struct FailureDiagnosticsTests {
    /// The API over DynamoDB tables that were never created (moto answers ResourceNotFoundException).
    private func apiWithoutTables(logs: CapturingLogSink) throws -> (CoachingAPI, LambdaContext) {
        let client = try MotoServer.shared().dynamoDBClient()
        let tables = DynamoDBTables(conversations: MotoServer.uniqueTableName("missing"), sessions: MotoServer.uniqueTableName("missing"))
        let clock = SystemClock()
        let service = CoachingService(store: DynamoDBConversationStore(client: client, tables: tables, clock: clock),
                                      coach: OfflineCoach(clock: clock), clock: clock)
        let api = CoachingAPI(dependencies: HandlerDependencies(service: service, identity: IdentityResolver(verifier: nil)))
        let context = LambdaContext(requestID: "lambda-request", deadlineMilliseconds: clock.nowEpochMilliseconds() + 10_000,
                                    logger: Logger(service: "coaching", sink: logs))
        return (api, context)
    }

    @Test func aMissingTableIsA500AndTheLogSaysWhy() throws {
        let logs = CapturingLogSink()
        let (api, context) = try apiWithoutTables(logs: logs)
        let handler = CoachingLambdaHandler(api: api)
        let output = try handler.handle(
            HTTPEvents.v2("POST", "/api/v1/conversations/initiate", body: #"{"topic":"goals"}"#,
                          identity: .authorizer(user: "alice", tenant: "tenant-a")),
            context: context
        )
        let reply = try TestAPI.Reply(JSONDecoder().decode(TestAPI.ProxyResponse.self, from: output))
        #expect(reply.status == 500)
        #expect(reply.error?.errorCode == "INTERNAL_ERROR")
        #expect(!reply.body.contains("ResourceNotFound"))
        let failure = try #require(logs.lines.first { $0.contains(#""message":"request failed""#) })
        #expect(failure.contains(#""level":"ERROR""#))
        #expect(failure.contains("ResourceNotFoundException"))
        #expect(failure.contains("HTTP 400"))
        #expect(failure.contains("request id"))
    }
}
