import AWSCore
import Coaching
import CoachingContracts
import CoachingHandlers
@testable import CoachingStorage
import Essentials
import Foundation
import LambdaRuntime
import Testing
import TestSupport

/// Seeded random mutations of valid documents, bounded by count and time,
/// through the contracts' validators and the whole Lambda handler in-process.
///
/// Properties: validation gives a value or a ``ValidationFailure`` (never a
/// crash); an accepted value encodes and validates back to itself; invalid
/// documents name at least one issue; the handler answers every HTTP event
/// below 500 and every other event with a response or a typed Lambda error.
/// Replay a run with `RELIABILITY_FUZZ_SEED=<seed>`.
@Suite struct ContractFuzzTests {
    static let seed = ProcessInfo.processInfo.environment["RELIABILITY_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EED_2026
    static let maxIterations = 40_000
    static let maxSeconds = 6.0

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: PackagePaths.root.appendingPathComponent("Tests/CoachingContractsTests/Fixtures/\(name)")))
    }

    static func event(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: PackagePaths.event(path))) }

    @Test func mutatedDocumentsNeverCrashAndNeverAnswer5xx() throws {
        let richContext = String(decoding: try Self.fixture("rich-context.json"), as: UTF8.self)
        let requests: [[UInt8]] = [
            try Self.fixture("pattern-a-request.json"),
            Array(#"{"message":"Where do we start?","topic":"goals","business_context":\#(richContext)}"#.utf8),
            Array(#"{"message":"hi","business_context":{"user":{"id":"alice","name":"A","email":"a@example.com"},"tenant":{"id":"tenant-a","company":"Acme"},"goals":[{"id":"g","title":"Grow","status":"on_track","target_value":10,"current_value":2,"due_date":"2026-12-31"}],"kpis":[{"id":"k","name":"NPS","current_value":40,"target_value":60,"unit":"pts"}]}}"#.utf8),
        ]
        let tasks = [try Self.fixture("step-functions-orchestrated.json"), try Self.fixture("step-functions-fallback.json"),
                     try Self.event("stepfunctions/coaching-task-orchestrated.json")]
        let events = try ["http/coaching-chat.json", "http/conversation-message.json", "http/conversations-list.json",
                          "rest-v1/coaching-chat.json", "authorizer/valid-token.json"].map(Self.event)
        var mutator = Mutator(seed: Self.seed, seeds: requests + tasks + events)
        let handler = InProcessHandler()
        var stats = FuzzStatistics()
        let started = Date()
        while stats.iterations < Self.maxIterations, Date().timeIntervalSince(started) < Self.maxSeconds {
            switch stats.iterations % 4 {
            case 0:
                let bytes = mutator.mutate(requests[stats.iterations / 4 % requests.count])
                stats.record(Self.checkRoundTrip(CoachingRequest.self, bytes))
                stats.record(status: handler.status(ofChatBody: bytes))
            case 1:
                let bytes = mutator.mutate(tasks[stats.iterations / 4 % tasks.count])
                stats.record(Self.checkRoundTrip(StepFunctionsTaskPayload.self, bytes))
                stats.record(eventOutcome: handler.outcome(of: bytes))
            case 2:
                stats.record(eventOutcome: handler.outcome(of: mutator.mutate(events[stats.iterations / 4 % events.count])))
            default:
                let bytes = mutator.mutate(requests[(stats.iterations / 4 + 1) % requests.count])
                stats.record(Self.checkRoundTrip(SendMessageRequest.self, bytes))
                stats.record(Self.checkRoundTrip(InitiateConversationRequest.self, bytes))
            }
            stats.iterations += 1
        }
        #expect(stats.iterations >= 500, "too few iterations in \(Self.maxSeconds) s: \(stats.iterations)")
        #expect(stats.failures.isEmpty, "\(stats.failures.prefix(5))")
        // The run exercised both sides: accepted documents and each kind of refusal.
        #expect(stats.accepted > 0 && stats.invalid > 0 && stats.malformed > 0)
        #expect(stats.statuses.keys.allSatisfy { $0 < 500 }, "\(stats.statuses)")
        print("RELIABILITY fuzz: seed \(Self.seed), \(stats.iterations) iterations in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; "
              + "contracts: \(stats.accepted) accepted, \(stats.invalid) invalid, \(stats.malformed) malformed, \(stats.tooLarge) too large; "
              + "handler statuses \(stats.statuses.sorted { $0.key < $1.key }), typed errors \(stats.typedErrors.sorted { $0.key < $1.key }); "
              + "\(stats.failures.count) property failures")
    }

    /// Validates `bytes`; an accepted value must survive encode → validate unchanged.
    static func checkRoundTrip<Contract: JSONContract & Codable & Equatable>(_ type: Contract.Type, _ bytes: [UInt8]) -> FuzzResult {
        switch Contract.validated(json: bytes) {
        case .success(let value):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard let encoded = try? encoder.encode(value) else { return .failure("\(type): an accepted value does not encode") }
            switch Contract.validated(json: encoded) {
            case .success(let again) where again == value: return .accepted
            case .success: return .failure("\(type): changed on a round trip: \(String(decoding: bytes.prefix(200), as: UTF8.self))")
            case .failure(let failure):
                return .failure("\(type): its own encoding is refused (\(failure.issues.first?.msg ?? "")): \(String(decoding: encoded.prefix(200), as: UTF8.self))")
            }
        case .failure(.invalid(let issues)):
            return issues.isEmpty ? .failure("\(type): invalid without an issue") : .invalid
        case .failure(.malformedJSON):
            return .malformed
        case .failure(.tooLarge):
            return .tooLarge
        }
    }
}

struct FuzzFailure: Error {
    var reason: String
}

enum FuzzResult {
    case accepted, invalid, malformed, tooLarge
    case failure(String)
}

struct FuzzStatistics {
    var iterations = 0
    var accepted = 0, invalid = 0, malformed = 0, tooLarge = 0
    var statuses: [Int: Int] = [:]
    var typedErrors: [String: Int] = [:]
    var failures: [String] = []

    mutating func record(_ result: FuzzResult) {
        switch result {
        case .accepted: accepted += 1
        case .invalid: invalid += 1
        case .malformed: malformed += 1
        case .tooLarge: tooLarge += 1
        case .failure(let reason): failures.append(reason)
        }
    }

    mutating func record(status: Result<Int, FuzzFailure>) {
        switch status {
        case .success(let code): statuses[code, default: 0] += 1
        case .failure(let failure): failures.append(failure.reason)
        }
    }

    mutating func record(eventOutcome: Result<InProcessHandler.Outcome, FuzzFailure>) {
        switch eventOutcome {
        case .success(.status(let code)): statuses[code, default: 0] += 1
        case .success(.typedError(let type)): typedErrors[type, default: 0] += 1
        case .success(.other): break
        case .failure(let failure): failures.append(failure.reason)
        }
    }
}

/// The Lambda handler on an in-memory store and the offline coach.
struct InProcessHandler {
    enum Outcome {
        case status(Int)
        case typedError(String)
        /// A non-HTTP answer: an authorizer decision or a coaching response.
        case other
    }

    let handler: CoachingLambdaHandler

    init() {
        let clock = SystemClock()
        let service = CoachingService(store: InMemoryConversationStore(clock: clock), coach: OfflineCoach(clock: clock), clock: clock)
        let verifier = JWTVerifier(secret: Array(Tokens.secret.utf8), issuer: Tokens.issuer, audience: Tokens.audience, clock: clock)
        handler = CoachingLambdaHandler(api: CoachingAPI(dependencies: HandlerDependencies(service: service, identity: IdentityResolver(verifier: verifier))))
    }

    private var context: LambdaContext {
        LambdaContext(requestID: "fuzz", deadlineMilliseconds: SystemClock.nowEpochMilliseconds() + 30_000,
                      logger: Logger(service: "fuzz", minimumLevel: .fatal, sink: StandardErrorSink()))
    }

    /// A chat request with `body` (any bytes, sent base64-encoded) from alice.
    func status(ofChatBody body: [UInt8]) -> Result<Int, FuzzFailure> {
        let event = Events.http("POST", "/api/v1/coaching/chat", body: Data(body).base64EncodedString(), base64: true,
                                headers: ["content-type": "application/json"])
        switch outcome(of: Array(event)) {
        case .success(.status(let status)): return .success(status)
        case .success(let other): return .failure(FuzzFailure(reason: "a chat event answered \(other)"))
        case .failure(let failure): return .failure(failure)
        }
    }

    /// Runs any event: an HTTP answer below 500, another answer, or a typed error.
    func outcome(of event: [UInt8]) -> Result<Outcome, FuzzFailure> {
        let output: Data
        do {
            output = try handler.handle(Data(event), context: context)
        } catch let error as any LambdaFunctionError {
            return .success(.typedError(error.errorType))
        } catch {
            return .failure(FuzzFailure(reason: "untyped error \(type(of: error)) for \(String(decoding: event.prefix(200), as: UTF8.self))"))
        }
        if let reply = try? JSONDecoder().decode(GatewayReply.self, from: output) {
            return reply.status < 500 ? .success(.status(reply.status))
                : .failure(FuzzFailure(reason: "\(reply.status) for \(String(decoding: event.prefix(200), as: UTF8.self)): \(reply.body.prefix(200))"))
        }
        return .success(.other)
    }
}
