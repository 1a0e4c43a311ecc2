import AWSCore
import DynamoDB
import Essentials
import FoundationEssentials
import LocalRuntime

/// `coaching-bench dynamodb [ITERATIONS]`: GetItem latency and HTTP round
/// trips per GetItem against the endpoint in `AWS_ENDPOINT_URL_DYNAMODB`
/// (moto, started by `bench/dynamodb/run.sh` with signature checking on).
/// `BENCH_BOTO3_GETITEM_MEDIAN_US`, when set, adds boto3's median on the
/// same server as a comparison. A second figure times GetItem against a
/// loopback server answering a canned item over a kept-alive connection:
/// the client's own cost (signing, JSON, libcurl) without moto's.
enum DynamoDBBenchmarks {
    enum Failure: Error, CustomStringConvertible {
        case missingEndpoint
        case itemMissing

        var description: String {
            switch self {
            case .missingEndpoint: "set AWS_ENDPOINT_URL_DYNAMODB (bench/dynamodb/run.sh starts moto and sets it)"
            case .itemMissing: "GetItem did not find the item it had just written"
            }
        }
    }

    static func run(_ arguments: [String]) throws -> [BenchmarkResult] {
        let iterations = arguments.first.flatMap { Int($0) } ?? 300
        let environment = Environment.process
        guard environment["AWS_ENDPOINT_URL_DYNAMODB"] != nil else { throw Failure.missingEndpoint }
        let recorder = AWSCallRecorder()
        let client = try DynamoDBClient.fromEnvironment(environment, dependencies: AWSClientDependencies(retryQuota: RetryQuota(), observer: recorder))

        let table = "bench-\(UUID().uuidString.prefix(8).lowercased())"
        try client.createTable(TableDefinition(tableName: table, partitionKey: "pk", sortKey: "sk"))
        let key: DynamoDBItem = ["pk": "TENANT#bench#CONV#c1", "sk": "META"]
        try client.transactWriteItems([.put(table: table, item: key.merging([
            "status": "active", "phase": "exploration", "progress": .n(DynamoDBNumber("0.3") ?? 0), "version": 7,
            "message_count": 12, "topic": "core_values", "ttl": 1_900_000_000,
        ]) { $1 })])

        recorder.drain()
        let timings = try measure(iterations: iterations, warmup: 10) {
            guard try client.getItem(table: table, key: key, consistentRead: true) != nil else { throw Failure.itemMissing }
        }
        let calls = recorder.drain()
        let roundTrips = Double(calls.reduce(0) { $0 + $1.attempts }) / Double(max(1, calls.count))

        var median = BenchmarkResult(name: "dynamodb_getitem_median", value: timings.median, unit: "us")
        var boto3Median: [BenchmarkResult] = []
        if let boto3 = environment["BENCH_BOTO3_GETITEM_MEDIAN_US"].flatMap(Double.init) {
            median.comparedWith = "boto3 get_item, same moto"
            median.otherValue = boto3
            median.ratioMeaning = "x boto3's median (lower is faster)"
            boto3Median = [BenchmarkResult(name: "dynamodb_getitem_boto3_median", value: boto3, unit: "us")]
        }
        return boto3Median + [
            median,
            BenchmarkResult(name: "dynamodb_getitem_p90", value: timings.p90, unit: "us"),
            BenchmarkResult(
                name: "dynamodb_getitem_round_trips",
                value: roundTrips,
                unit: "round trips per GetItem",
                goal: "1 (no retries on a healthy server)",
                met: roundTrips == 1
            ),
            BenchmarkResult(name: "dynamodb_getitem_calls", value: Double(calls.count), unit: "calls"),
            try clientOnlyMedian(iterations: iterations),
        ]
    }

    private static func clientOnlyMedian(iterations: Int) throws -> BenchmarkResult {
        let body = Data(#"{"Item":{"pk":{"S":"TENANT#bench#CONV#c1"},"sk":{"S":"META"},"status":{"S":"active"},"version":{"N":"7"}}}"#.utf8)
        let server = LocalHTTPServer { _ in
            ServerResponse(status: 200, headers: ["Content-Type": "application/x-amz-json-1.0", "x-amzn-RequestId": "bench"], body: body)
        }
        let port = try server.start()
        defer { server.stop() }
        let client = try DynamoDBClient(
            region: "us-east-1",
            endpoint: AWSEndpoint(url: "http://127.0.0.1:\(port)"),
            credentialsProvider: StaticCredentialsProvider(AWSCredentials(accessKeyID: "AKIABENCH", secretAccessKey: "bench-secret", sessionToken: "token")),
            dependencies: AWSClientDependencies(retryQuota: RetryQuota())
        )
        let key: DynamoDBItem = ["pk": "TENANT#bench#CONV#c1", "sk": "META"]
        let timings = try measure(iterations: iterations * 3, warmup: 20) {
            guard try client.getItem(table: "bench", key: key, consistentRead: true) != nil else { throw Failure.itemMissing }
        }
        return BenchmarkResult(name: "dynamodb_getitem_client_only_median", value: timings.median, unit: "us")
    }
}
