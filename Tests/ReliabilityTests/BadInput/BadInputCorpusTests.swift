import Foundation
import LocalRuntime
import Testing
import TestSupport

/// The whole bad-input corpus through ONE real `bootstrap` process: every
/// event gets its expected 4xx envelope, typed Lambda error or denial; no
/// client mistake is answered 5xx; valid requests interleaved between the
/// bad ones keep working; and the process is still serving at the end.
@Suite struct BadInputCorpusTests {
    @Test func everyBadEventGetsItsAnswerAndTheProcessKeepsServing() throws {
        let data = try TemporaryDirectory(prefix: "reliability-corpus")
        defer { data.remove() }
        let runtime = try RuntimeProcess(environment: Tokens.environment.merging(["COACHING_DATA_DIR": data.url.path]) { $1 })
        let corpus = BadInputCorpus.all
        var controls = ControlRequests()
        var refusals = 0
        for (index, testCase) in corpus.enumerated() {
            let outcome = try runtime.invoke(testCase.event, requestID: "corpus-\(index)")
            check(outcome, against: testCase)
            if testCase.expected.isRefusal { refusals += 1 }
            #expect(runtime.isRunning, "the process exited after \(testCase.name)")
            if index % 5 == 4 { try controls.run(next: runtime) }
        }
        try controls.runAll(runtime)
        #expect(refusals >= 80, "the corpus must hold at least 80 refused events, has \(refusals)")
        #expect(runtime.isRunning)
        #expect(runtime.finish() == 0)
        // Every line the process wrote is a JSON log line; nothing crashed.
        let lines = runtime.logLines
        #expect(lines.allSatisfy { $0.hasPrefix("{") })
        #expect(!runtime.log.contains("Fatal error"))
        print("RELIABILITY corpus: \(corpus.count) events (\(refusals) refused), \(controls.sent) valid requests interleaved, "
              + "0 answered 5xx, one process throughout, exit status 0")
    }

    /// Asserts one outcome against its case.
    private func check(_ outcome: InvocationOutcome, against testCase: CorpusCase) {
        let name = testCase.name
        switch testCase.expected {
        case .http(let status, let code, let locations):
            guard let reply = outcome.gatewayReply else {
                Issue.record("\(name): expected \(testCase.expected), got \(outcome.summary)")
                return
            }
            #expect(reply.status == status, "\(name): \(reply.body.prefix(300))")
            #expect(reply.status < 500, "\(name): a client mistake answered \(reply.status)")
            ResponseHygiene.check(reply, name)
            guard status >= 400 else { return }
            let envelope = reply.error
            #expect(envelope?.errorCode == code, "\(name): \(reply.body.prefix(300))")
            #expect(envelope?.requestID?.isEmpty == false, "\(name): no request_id")
            if let locations { #expect(envelope?.locations == locations, "\(name)") }
            // Error answers stay small whatever the request (Lambda's limit is 6 MB).
            #expect(reply.body.utf8.count < 16_384, "\(name): error body of \(reply.body.utf8.count) bytes")
        case .lambdaError(let type):
            guard let (header, report) = outcome.lambdaError else {
                Issue.record("\(name): expected \(testCase.expected), got \(outcome.summary)")
                return
            }
            #expect(report.errorType == type, "\(name): \(report.errorMessage)")
            #expect(header == "Function.\(type)", "\(name)")
            #expect(report.stackTrace.isEmpty)
            #expect(report.errorMessage.utf8.count < 2_048, "\(name): long error message")
            ResponseHygiene.checkNoInternals(report.errorMessage, name)
        case .authorizer(let allowed):
            guard let decision = outcome.authorizerDecision else {
                Issue.record("\(name): expected \(testCase.expected), got \(outcome.summary)")
                return
            }
            #expect(decision.isAuthorized == allowed, "\(name)")
            if !allowed { #expect(decision.context.isEmpty, "\(name)") }
        case .coachingResponse:
            #expect(outcome.responseBody.map { String(decoding: $0, as: UTF8.self).contains(#""conversation_id""#) } == true, "\(name)")
        }
    }
}

/// Valid requests sent between the bad ones, in rotation: each must succeed.
struct ControlRequests {
    private(set) var sent = 0
    private var conversationID: String?

    private var requests: [(String, (String?) -> Data)] {
        [
            ("health", { _ in Events.http("GET", "/api/v1/health", identity: .none) }),
            ("chat", { id in
                let conversation = id.map { #","conversation_id":"\#($0)""# } ?? ""
                return Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"What should we focus on?"\#(conversation)}"#)
            }),
            ("chat with a Bearer token", { _ in
                Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"Our values"}"#, identity: .bearer(Tokens.valid()))
            }),
            ("REST v1 chat", { _ in Events.rest("POST", "/api/v1/coaching/chat", body: #"{"message":"Hello from REST"}"#) }),
            ("base64 body", { _ in
                Events.http("POST", "/api/v1/coaching/chat", body: Data(#"{"message":"Encoded hello"}"#.utf8).base64EncodedString(), base64: true)
            }),
            ("escaped control characters in a message", { _ in
                Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"tab\tbell\u0007nul\u0000 end"}"#)
            }),
            ("list", { _ in Events.http("GET", "/api/v1/conversations", query: ["limit": "5"]) }),
        ]
    }

    /// Sends the next control request; it must succeed.
    mutating func run(next runtime: RuntimeProcess) throws {
        let (name, build) = requests[sent % requests.count]
        sent += 1
        let reply = try runtime.http(build(conversationID), requestID: "control-\(sent)")
        #expect((200..<300).contains(reply.status), "control \(name): \(reply.body.prefix(300))")
        ResponseHygiene.check(reply, "control \(name)")
        if name == "chat", conversationID == nil {
            conversationID = try? reply.data(ConversationReference.self).conversationID
        }
    }

    /// Ends with one of each, plus a Step Functions turn and an authorizer call.
    mutating func runAll(_ runtime: RuntimeProcess) throws {
        for _ in requests.indices { try run(next: runtime) }
        let task = try runtime.invoke(Events.task(message: "Plan the next quarter"))
        #expect(task.responseBody.map { String(decoding: $0, as: UTF8.self).contains(#""source":"orchestrated""#) } == true)
        let decision = try runtime.invoke(Events.authorizer("Bearer \(Tokens.valid())")).authorizerDecision
        #expect(decision?.isAuthorized == true)
        #expect(decision?.context == ["user_id": "alice", "tenant_id": "tenant-a", "role": "owner"])
        // The conversation continued through the run holds every turn in order.
        if let id = conversationID {
            let detail = try runtime.http(Events.http("GET", "/api/v1/conversations/\(id)", query: ["limit": "100"]))
            let messages = try detail.data(ConversationMessages.self).messages
            #expect(messages.map(\.seq) == Array(1...messages.count))
            #expect(messages.count >= 4)
        }
        sent += 2
    }
}

struct ConversationReference: Decodable {
    var conversationID: String
    enum CodingKeys: String, CodingKey { case conversationID = "conversation_id" }
}

struct ConversationMessages: Decodable {
    struct Message: Decodable {
        var seq: Int
        var role: String
        var content: String
        enum CodingKeys: String, CodingKey { case seq, role, content }
    }
    var messages: [Message]
    enum CodingKeys: String, CodingKey { case messages }
}
