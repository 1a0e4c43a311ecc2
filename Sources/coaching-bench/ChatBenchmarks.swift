import AWSCore
import Coaching
import CoachingStorage
import CoachingContracts
import CoachingHandlers
import DynamoDB
import Essentials
import FoundationEssentials
import LambdaRuntime
import LocalRuntime

/// `coaching-bench chat files|dynamodb CONVERSATIONS TURNS SAMPLE_EVENT`: full chat
/// turns in-process, through `CoachingLambdaHandler.handle` (API Gateway v2 event in,
/// API Gateway response out) with the offline coach, as the Lambda would run them
/// minus the Runtime API hop. CONVERSATIONS conversations of TURNS turns each: the
/// first starts the conversation, the others continue it (one read, one write).
/// The body is the sample event's (a Pattern A request with a small business context).
///
/// `files` uses the file store in a fresh temporary directory; `dynamodb` the
/// DynamoDB store against `AWS_ENDPOINT_URL_DYNAMODB` (moto, started by bench/run.sh
/// with signature checking on), two fresh tables, and counts the HTTP round trips
/// of every turn with an ``AWSCallRecorder``.
enum ChatBenchmarks {
    static func run(_ arguments: [String]) throws -> [BenchmarkResult] {
        guard arguments.count == 4, let conversations = Int(arguments[1]), let turns = Int(arguments[2]),
              conversations > 0, turns > 0 else {
            throw BenchmarkError.usage("chat files|dynamodb CONVERSATIONS TURNS SAMPLE_EVENT")
        }
        let kind = arguments[0]
        let recorder = AWSCallRecorder()
        let store: any ConversationStore
        switch kind {
        case "files":
            store = try FileConversationStore(directory: temporaryDirectory())
        case "dynamodb":
            store = try dynamoDBStore(recorder: recorder)
        default:
            throw BenchmarkError.usage("chat files|dynamodb CONVERSATIONS TURNS SAMPLE_EVENT")
        }
        let service = CoachingService(store: store, coach: OfflineCoach())
        let handler = CoachingLambdaHandler(api: CoachingAPI(
            dependencies: HandlerDependencies(service: service, identity: IdentityResolver(verifier: nil))
        ))
        let sample = try ChatEvent.Sample.load(arguments[3])
        let logger = Logger(service: "bench", minimumLevel: .warn)

        var latencies: [Double] = []
        var firstTurnTrips: [Int] = []
        var laterTurnTrips: [Int] = []
        for conversation in 0..<conversations {
            var conversationID: String?
            for turn in 0..<turns {
                let event = try ChatEvent.make(sample: sample, conversationID: conversationID, message: message(turn))
                let context = LambdaContext(
                    requestID: "chat-\(conversation)-\(turn)", deadlineMilliseconds: SystemClock.nowEpochMilliseconds() + 30_000, logger: logger
                )
                recorder.drain()
                let started = MonotonicClock.nanoseconds()
                let response = try handler.handle(event, context: context)
                latencies.append(Double(MonotonicClock.nanoseconds() - started) / 1_000)
                let trips = recorder.drain().reduce(0) { $0 + $1.attempts }
                if turn == 0 { firstTurnTrips.append(trips) } else { laterTurnTrips.append(trips) }
                conversationID = try ChatEvent.conversationID(in: response)
            }
        }
        let timings = Timings(microseconds: latencies)
        var results = [
            BenchmarkResult(name: "chat.\(kind).p50", value: timings.median / 1_000, unit: "ms"),
            BenchmarkResult(name: "chat.\(kind).p99", value: timings.p99 / 1_000, unit: "ms"),
            BenchmarkResult(name: "chat.\(kind).turns", value: Double(latencies.count), unit: "turns"),
        ]
        if kind == "dynamodb" {
            let later = laterTurnTrips.isEmpty ? 0 : Double(laterTurnTrips.reduce(0, +)) / Double(laterTurnTrips.count)
            results += [
                BenchmarkResult(name: "chat.dynamodb.round_trips.max", value: Double((firstTurnTrips + laterTurnTrips).max() ?? 0), unit: "per turn"),
                BenchmarkResult(name: "chat.dynamodb.round_trips.continuing_mean", value: later, unit: "per turn"),
                BenchmarkResult(name: "chat.dynamodb.round_trips.first_max", value: Double(firstTurnTrips.max() ?? 0), unit: "per turn"),
            ]
        }
        return results
    }

    /// Substantive answers, varied so that phases advance as in a real conversation.
    static func message(_ turn: Int) -> String {
        let answers = [
            "Our team keeps debating what we stand for. Where do we start?",
            "Last spring we refused a wholesale deal that would have forced us to cut corners on our sourdough.",
            "Honesty with customers matters most; we tell them when a batch is not up to our standard.",
            "People who take ownership of small details without being asked are the ones I want to hire.",
            "Craft, honesty and generosity with our neighbours feel like the values we actually live by.",
            "I think craft and honesty cost us money sometimes, and we would still keep them both.",
        ]
        return answers[turn % answers.count]
    }

    private static func dynamoDBStore(recorder: AWSCallRecorder) throws -> DynamoDBConversationStore {
        let environment = Environment.process
        guard environment["AWS_ENDPOINT_URL_DYNAMODB"] != nil else {
            throw BenchmarkError.failed("set AWS_ENDPOINT_URL_DYNAMODB (bench/run.sh starts moto and sets it)")
        }
        let client = try DynamoDBClient.fromEnvironment(
            environment, dependencies: AWSClientDependencies(retryQuota: RetryQuota(), observer: recorder)
        )
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let tables = DynamoDBTables(conversations: "bench-conversations-\(suffix)", sessions: "bench-sessions-\(suffix)")
        try tables.create(using: client)
        return DynamoDBConversationStore(client: client, tables: tables)
    }

    /// A fresh directory name; the file store creates it.
    private static func temporaryDirectory() -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        return "\(base)/coaching-bench-chat-\(UUID().uuidString.lowercased())"
    }
}
