import AWSCore
import CurlHTTP
import Essentials
import Foundation
import Testing
import TestSupport

/// The retry loop end to end: real HTTP to a fault-injecting loopback
/// server; virtual time (exact delays, no waiting) unless stated otherwise.
@Suite("AWS client retries against a fault-injecting server")
struct AWSClientRetryTests {
    static let credentials = AWSCredentials(accessKeyID: "AKIATEST", secretAccessKey: "test-secret-never-logged", sessionToken: "test-session-token")

    struct Harness {
        let server: FaultInjectingServer
        let client: AWSClient
        let time: VirtualTime
        let quota: RetryQuota
        let recorder: AWSCallRecorder

        init(_ script: [FaultInjectingServer.Fault], random: Double = 0.5, quotaCapacity: Int = 500, service: AWSServiceDescription = .dynamoDB, realTime: Bool = false) throws {
            server = FaultInjectingServer(script: script)
            let url = try server.start()
            time = VirtualTime()
            quota = RetryQuota(capacity: quotaCapacity)
            recorder = AWSCallRecorder()
            client = AWSClient(
                service: service,
                region: "us-east-1",
                endpoint: try AWSEndpoint(url: url),
                credentialsProvider: StaticCredentialsProvider(AWSClientRetryTests.credentials),
                classifier: StandardRetryClassifier(),
                dependencies: AWSClientDependencies(
                    transport: HTTPClientPool(),
                    clock: realTime ? SystemClock() : time,
                    sleeper: realTime ? ThreadSleeper() : time,
                    random: FixedRandom(random),
                    retryQuota: quota,
                    observer: recorder
                )
            )
        }

        func getItem(deadline: Deadline = .none) throws(AWSError) -> AWSResponse {
            try client.send(
                AWSRequest(
                    operation: "GetItem",
                    headers: ["Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.GetItem"],
                    body: Data(#"{"TableName":"t","Key":{"pk":{"S":"a"}}}"#.utf8)
                ),
                deadline: deadline
            )
        }
    }

    @Test("throttled twice then success: 3 attempts, throttling delays, quota refunded")
    func throttleThenSucceed() throws {
        let harness = try Harness([.throttle(), .throttle(), .ok(#"{"Item":{}}"#)])
        let response = try harness.getItem()
        #expect(response.status == 200)
        #expect(harness.server.attempts.count == 3)
        #expect(harness.time.sleeps == [500, 1_000])
        #expect(response.statistics.attempts == 3)
        #expect(response.statistics.throttles == 2)
        #expect(response.statistics.backoffMilliseconds == 1_500)
        // Two retries cost 5 each; the final success refunds the last one.
        #expect(harness.quota.available == 495)
        #expect(harness.recorder.roundTrips == 3)
    }

    @Test("500 on every attempt: gives up after 4 attempts with the service error")
    func persistentServerError() throws {
        let harness = try Harness(Array(repeating: .internalError, count: 10))
        #expect {
            try harness.getItem()
        } throws: { error in
            guard case .service(let service) = error as? AWSError else { return false }
            return service.code == "InternalServerError" && service.statusCode == 500 && service.requestID == "INTERNAL-ERROR"
        }
        #expect(harness.server.attempts.count == 4)
        #expect(harness.time.sleeps == [12, 25, 50])
        #expect(harness.quota.available == 500 - 3 * 14)
        #expect(harness.recorder.recorded.last?.errorCode == "InternalServerError")
    }

    @Test("non-retryable errors are answered after one attempt")
    func noRetryOnValidation() throws {
        let validation = FaultInjectingServer.Fault.respond(status: 400, headers: [], body: #"{"__type":"com.amazon.coral.validate#ValidationException","message":"bad"}"#)
        let harness = try Harness([validation, .ok("{}")])
        #expect(throws: AWSError.self) { try harness.getItem() }
        #expect(harness.server.attempts.count == 1)
        #expect(harness.time.sleeps.isEmpty)
    }

    @Test("a dropped connection is retried as transient")
    func droppedConnection() throws {
        let harness = try Harness([.drop, .ok("{}")])
        let response = try harness.getItem()
        #expect(response.statistics.attempts == 2)
        #expect(harness.time.sleeps == [12])
        #expect(harness.quota.available == 500)
    }

    @Test("a body failing its x-amz-crc32 check is retried")
    func crcMismatch() throws {
        let body = #"{"Item":{}}"#
        let good = CRC32.checksum(Data(body.utf8))
        let harness = try Harness([.ok(body, headers: [("x-amz-crc32", String(good &+ 1))]), .ok(body, headers: [("x-amz-crc32", String(good))])])
        let response = try harness.getItem()
        #expect(response.statistics.attempts == 2)
        #expect(String(decoding: response.body, as: UTF8.self) == body)
    }

    @Test("an empty retry quota stops retries")
    func quotaExhausted() throws {
        let harness = try Harness([.throttle(), .throttle(), .ok("{}")], quotaCapacity: 7)
        #expect(throws: AWSError.self) { try harness.getItem() }
        // One retry fits (5 tokens), the second does not (2 left).
        #expect(harness.server.attempts.count == 2)
        #expect(harness.quota.available == 2)
    }

    @Test("x-amz-retry-after lengthens the delay")
    func retryAfterHeader() throws {
        let harness = try Harness([.throttle(retryAfterMilliseconds: 3_000), .ok("{}")])
        _ = try harness.getItem()
        #expect(harness.time.sleeps == [3_000])
    }

    @Test("never sleeps past the deadline: gives up with the last error instead")
    func deadlineStopsRetries() throws {
        let harness = try Harness([.throttle(), .ok("{}")])
        let deadline = Deadline(epochMilliseconds: harness.time.nowEpochMilliseconds() + 400)
        #expect {
            try harness.getItem(deadline: deadline)
        } throws: { error in
            (error as? AWSError)?.code == "ThrottlingException"
        }
        #expect(harness.time.sleeps.isEmpty)
        #expect(harness.server.attempts.count == 1)
    }

    @Test("a passed deadline means no attempt at all")
    func deadlinePassed() throws {
        let harness = try Harness([.ok("{}")])
        #expect(throws: AWSError.deadlineExceeded) {
            try harness.getItem(deadline: Deadline(epochMilliseconds: harness.time.nowEpochMilliseconds() - 1))
        }
        #expect(harness.server.attempts.isEmpty)
    }

    @Test("a slow answer times out at the deadline-derived limit (real time)")
    func slowAnswerTimesOut() throws {
        let harness = try Harness([.delay(milliseconds: 3_000, then: .ok("{}"))], realTime: true)
        let started = Date()
        #expect(throws: AWSError.transport(.timedOut)) {
            try harness.getItem(deadline: .after(milliseconds: 300))
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 2.0, "the 300 ms budget bounded the attempt (took \(elapsed) s)")
        #expect(harness.server.attempts.count == 1)
    }

    @Test("real sleeps: 500s then success, gaps at least the computed delays")
    func realSleeps() throws {
        // random 0.999 makes the delays ~25, 50, 100 ms with DynamoDB's 25 ms base.
        let harness = try Harness([.internalError, .internalError, .internalError, .ok("{}")], random: 0.999, realTime: true)
        let response = try harness.getItem()
        #expect(response.statistics.attempts == 4)
        #expect(response.statistics.backoffMilliseconds == 24 + 49 + 99)
        let gaps = harness.server.gapsMilliseconds
        #expect(gaps.count == 3)
        for (gap, minimum) in zip(gaps, [24.0, 49.0, 99.0]) {
            #expect(gap >= minimum, "slept at least the backoff (gap \(gap) ms)")
            #expect(gap < minimum + 1_000, "did not stall (gap \(gap) ms)")
        }
    }

    @Test("requests are signed, carry the session token, and never send Expect")
    func requestShape() throws {
        let harness = try Harness([.ok("{}")])
        _ = try harness.getItem()
        let request = try #require(harness.server.attempts.first?.request)
        let authorization = try #require(request.headers["Authorization"])
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIATEST/"))
        #expect(authorization.contains("/us-east-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature="))
        #expect(request.headers["X-Amz-Security-Token"] == "test-session-token")
        #expect(request.headers["X-Amz-Date"]?.count == 16)
        #expect(request.headers["Expect"] == nil)
        #expect(request.target == "/")
        for field in request.headers { #expect(!field.value.contains("test-secret-never-logged")) }
    }

    @Test("missing credentials fail before any request")
    func missingCredentials() throws {
        let server = FaultInjectingServer(script: [])
        let url = try server.start()
        let client = AWSClient(service: .dynamoDB, region: "us-east-1", endpoint: try AWSEndpoint(url: url), credentialsProvider: EnvironmentCredentialsProvider(environment: [:]))
        #expect(throws: AWSError.missingCredentials) { try client.send(AWSRequest(operation: "GetItem")) }
        #expect(server.attempts.isEmpty)
    }
}
