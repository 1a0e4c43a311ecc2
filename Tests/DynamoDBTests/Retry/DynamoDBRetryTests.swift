import AWSCore
import DynamoDB
import Essentials
import Foundation
import Testing
import TestSupport

@Suite("DynamoDB retries through a fault-injecting server")
struct DynamoDBRetryTests {
    private static func client(
        _ server: FaultInjectingServer,
        time: VirtualTime,
        quota: RetryQuota = RetryQuota(),
        recorder: AWSCallRecorder
    ) throws -> DynamoDBClient {
        let url = try server.start()
        return try DynamoDBClient(
            region: "us-east-1",
            endpoint: AWSEndpoint(url: url),
            credentialsProvider: StaticCredentialsProvider(AWSCredentials(accessKeyID: "AKIATEST", secretAccessKey: "secret")),
            dependencies: AWSClientDependencies(clock: time, sleeper: time, random: FixedRandom(0.5), retryQuota: quota, observer: recorder)
        )
    }

    @Test("throttling in front of moto: retried, then moto answers a correctly signed request")
    func throttledProxyToMoto() throws {
        let moto = try MotoServer.shared()
        let table = try MotoTable("proxy")
        try table.put(table.key("a", "b").merging(["v": 1]) { $1 })

        let proxy = FaultInjectingServer(script: [.throttle(), .internalError, .forward], fallback: .forward, upstream: moto.endpoint)
        let url = try proxy.start()
        let time = VirtualTime()
        let recorder = AWSCallRecorder()
        let client = try moto.dynamoDBClient(
            endpoint: url,
            dependencies: AWSClientDependencies(clock: time, sleeper: time, random: FixedRandom(0.5), retryQuota: RetryQuota(), observer: recorder)
        )
        let item = try client.getItem(table: table.name, key: table.key("a", "b"))
        #expect(item?["v"] == 1)
        #expect(proxy.attempts.count == 3)
        #expect(time.sleeps == [500, 25], "1 s throttling base, then 25 ms transient base at retry 2")
        let statistics = try #require(recorder.recorded.last)
        #expect(statistics.attempts == 3)
        #expect(statistics.throttles == 1)
        #expect(statistics.backoffMilliseconds == 525)
    }

    @Test("throttled on every attempt: a typed throttled error after 4 attempts")
    func throttledOut() throws {
        let server = FaultInjectingServer(script: [], fallback: .throttle())
        let time = VirtualTime()
        let recorder = AWSCallRecorder()
        let client = try Self.client(server, time: time, recorder: recorder)
        #expect {
            try client.getItem(table: "t", key: ["pk": "a"])
        } throws: { error in
            guard case .throttled(let details) = error as? DynamoDBError else { return false }
            return details.requestID == "THROTTLED-REQUEST"
        }
        #expect(server.attempts.count == 4)
        #expect(time.sleeps == [500, 1_000, 2_000])
        #expect(recorder.recorded.last?.throttles == 4)
    }

    @Test("a transaction cancelled by a conflict is retried; by a condition it is not")
    func transactionRetryClassification() throws {
        func cancelled(_ codes: [String]) -> FaultInjectingServer.Fault {
            let reasons = codes.map { #"{"Code":"\#($0)"}"# }.joined(separator: ",")
            return .respond(status: 400, headers: [("x-amzn-RequestId", "TX")], body: #"{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","Message":"Transaction cancelled","CancellationReasons":[\#(reasons)]}"#)
        }
        let action = TransactWriteItem.put(table: "t", item: ["pk": "1"])

        let conflict = FaultInjectingServer(script: [cancelled(["None", "TransactionConflict"]), .ok("{}")])
        let conflictTime = VirtualTime()
        try Self.client(conflict, time: conflictTime, recorder: AWSCallRecorder()).transactWriteItems([action, action])
        #expect(conflict.attempts.count == 2)
        #expect(conflictTime.sleeps == [12])

        let throttled = FaultInjectingServer(script: [cancelled(["ThrottlingError"]), .ok("{}")])
        let throttledTime = VirtualTime()
        try Self.client(throttled, time: throttledTime, recorder: AWSCallRecorder()).transactWriteItems([action])
        #expect(throttledTime.sleeps == [500])

        let condition = FaultInjectingServer(script: [cancelled(["TransactionConflict", "ConditionalCheckFailed"]), .ok("{}")])
        #expect {
            try Self.client(condition, time: VirtualTime(), recorder: AWSCallRecorder()).transactWriteItems([action, action])
        } throws: { error in
            guard case .transactionCanceled(let reasons, _) = error as? DynamoDBError else { return false }
            return reasons.compactMap(\.code) == ["TransactionConflict", "ConditionalCheckFailed"]
        }
        #expect(condition.attempts.count == 1)
    }

    @Test("a deadline too close for the backoff ends the call with the last error, unslept")
    func deadline() throws {
        let server = FaultInjectingServer(script: [.throttle(), .ok("{}")])
        let time = VirtualTime()
        let client = try Self.client(server, time: time, recorder: AWSCallRecorder())
        #expect {
            try client.getItem(table: "t", key: ["pk": "a"], deadline: Deadline(epochMilliseconds: time.nowEpochMilliseconds() + 300))
        } throws: { ($0 as? DynamoDBError)?.code == "Throttled" }
        #expect(time.sleeps.isEmpty)
        #expect {
            try client.getItem(table: "t", key: ["pk": "a"], deadline: Deadline(epochMilliseconds: time.nowEpochMilliseconds()))
        } throws: { ($0 as? DynamoDBError)?.code == "DeadlineExceeded" }
    }

    @Test("waitUntilActive polls a table that stays CREATING, then gives up with a typed error")
    func waitUntilActive() throws {
        let server = FaultInjectingServer(script: [], fallback: .ok(#"{"Table":{"TableName":"t","TableStatus":"CREATING"}}"#))
        let time = VirtualTime()
        let client = try Self.client(server, time: time, recorder: AWSCallRecorder())
        #expect { try client.waitUntilActive("t", attempts: 3, intervalMilliseconds: 100) } throws: { ($0 as? DynamoDBError)?.code == "TableNotActive" }
        #expect(server.attempts.count == 3)
        #expect(time.sleeps == [100, 100])
    }

    @Test("fromEnvironment: region, endpoint override and credentials from the environment")
    func fromEnvironment() throws {
        let server = FaultInjectingServer(script: [.ok("{}")])
        let url = try server.start()
        let client = try DynamoDBClient.fromEnvironment([
            "AWS_REGION": "eu-west-1", "AWS_ENDPOINT_URL_DYNAMODB": url, "AWS_ENDPOINT_URL": "http://127.0.0.1:1",
            "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token",
        ])
        #expect(try client.getItem(table: "t", key: ["pk": "a"]) == nil)
        let request = try #require(server.attempts.first?.request)
        #expect(request.headers["Authorization"]?.contains("Credential=AKIAENV/") == true)
        #expect(request.headers["Authorization"]?.contains("/eu-west-1/dynamodb/aws4_request") == true)
        #expect(request.headers["X-Amz-Security-Token"] == "env-token")
        #expect(request.headers["X-Amz-Target"] == "DynamoDB_20120810.GetItem")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.0")
        #expect(throws: DynamoDBError.self) { try DynamoDBClient.fromEnvironment([:]) }
    }

    @Test("an unreadable 200 answer is a typed error with the request id")
    func invalidResponse() throws {
        let server = FaultInjectingServer(script: [.ok("not json")])
        let client = try Self.client(server, time: VirtualTime(), recorder: AWSCallRecorder())
        #expect {
            try client.getItem(table: "t", key: ["pk": "a"])
        } throws: { error in
            guard case .invalidResponse(let operation, let requestID) = error as? DynamoDBError else { return false }
            return operation == "GetItem" && requestID == "OK-REQUEST"
        }
    }
}
