import AWSCore
import CurlHTTP
import Essentials
import Foundation
import Testing
import TestSupport

/// Issue 20: the retry quota was one bucket for the whole process, so after
/// 17 failing Bedrock turns DynamoDB's retries stopped too. botocore keeps
/// one bucket per client.
@Suite struct RetryQuotaPerClientTests {
    private func client(_ server: FaultInjectingServer, time: VirtualTime) throws -> AWSClient {
        AWSClient(
            service: .dynamoDB, region: "us-east-1", endpoint: try AWSEndpoint(url: try server.start()),
            credentialsProvider: StaticCredentialsProvider(AWSClientRetryTests.credentials), classifier: StandardRetryClassifier(),
            // The default quota, as Application builds its clients.
            dependencies: AWSClientDependencies(transport: HTTPClientPool(), clock: time, sleeper: time, random: FixedRandom(0.5))
        )
    }

    private func getItem(_ client: AWSClient) throws(AWSError) -> AWSResponse {
        try client.send(AWSRequest(
            operation: "GetItem",
            headers: ["Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.GetItem"],
            body: Data(#"{"TableName":"t","Key":{"pk":{"S":"a"}}}"#.utf8)
        ), deadline: .none)
    }

    @Test func exhaustingOneClientsQuotaLeavesAnotherClientsRetries() throws {
        let time = VirtualTime()
        let failing = FaultInjectingServer(script: Array(repeating: .internalError, count: 200), fallback: .internalError)
        let exhausted = try client(failing, time: time)
        for _ in 0..<20 { _ = try? getItem(exhausted) }
        let attemptsWhenExhausted = failing.attempts.count
        _ = try? getItem(exhausted)
        #expect(failing.attempts.count == attemptsWhenExhausted + 1, "the failing client's own quota is empty: no retries")

        let healthy = FaultInjectingServer(script: [.internalError, .ok(#"{"Item":{}}"#)])
        let other = try client(healthy, time: time)
        #expect(try getItem(other).status == 200)
        #expect(healthy.attempts.count == 2)
    }
}
