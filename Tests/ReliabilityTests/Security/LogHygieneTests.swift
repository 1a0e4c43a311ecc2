import Foundation
import LocalRuntime
import Testing
import TestSupport

/// The real process's stderr, captured while it serves every kind of
/// request with secrets and private text in play: every line is a JSON log
/// or metric record, and none carries message text, business context,
/// tokens, keys or secrets, even at DEBUG.
@Suite struct LogHygieneTests {
    static let markers = (
        message: "MARKER-MESSAGE-plans-to-sell-the-company",
        company: "MARKER-COMPANY-Secret Holdings",
        goal: "MARKER-GOAL-layoffs-in-march",
        person: "MARKER-PERSON-Dana Private",
        email: "marker.private@example.com",
        reason: "MARKER-PAUSE-health-reasons",
        feedback: "MARKER-FEEDBACK-confidential"
    )
    static let modelKey = "sk-MARKER-model-key-9f8e7d6c5b4a"
    static let awsSecret = "MARKER/aws/secret/access/key/0123456789"

    @Test(arguments: ["INFO", "DEBUG"])
    func logsCarryNoContentTokensOrSecrets(level: String) throws {
        let data = try TemporaryDirectory(prefix: "reliability-logs")
        defer { data.remove() }
        let model = FakeModelServer(.fail(status: 503))
        defer { model.stop() }
        let environment = model.environment(baseURL: try model.start(), apiKey: Self.modelKey, timeoutMilliseconds: 2_000)
            .merging(Tokens.environment) { $1 }
            .merging(["COACHING_DATA_DIR": data.url.path, "AWS_LAMBDA_LOG_LEVEL": level,
                      "AWS_ACCESS_KEY_ID": "AKIAMARKERKEYID", "AWS_SECRET_ACCESS_KEY": Self.awsSecret]) { $1 }
        let runtime = try RuntimeProcess(environment: environment)
        let markers = Self.markers
        let token = Tokens.valid()
        let context = #"{"user":{"id":"alice","name":"\#(markers.person)","email":"\#(markers.email)"},"tenant":{"id":"tenant-a","company":"\#(markers.company)"},"#
            + #""goals":[{"id":"g1","title":"\#(markers.goal)","status":"at_risk"}]}"#
        // Chat with a Bearer token, context and an idempotency key; the model fails, the offline coach answers.
        let chat = try runtime.http(Events.http("POST", "/api/v1/coaching/chat",
                                                body: #"{"message":"\#(markers.message)","business_context":\#(context)}"#,
                                                headers: ["idempotency-key": "MARKER-IDEMPOTENCY"], identity: .bearer(token)))
        #expect(chat.status == 200)
        let id = try chat.data(ConversationReference.self).conversationID
        _ = try runtime.http(Events.http("POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"\#(markers.message) again"}"#))
        _ = try runtime.http(Events.http("POST", "/api/v1/conversations/\(id)/pause", body: #"{"reason":"\#(markers.reason)"}"#))
        _ = try runtime.http(Events.http("POST", "/api/v1/conversations/\(id)/complete", body: #"{"feedback":"\#(markers.feedback)","rating":5}"#))
        // Refusals that quote nothing back: bad bodies, forged tokens, a validation failure in a task.
        _ = try runtime.http(Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":5,"topic":"\#(markers.message)"}"#))
        _ = try runtime.http(Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"\#(markers.message)"}"#,
                                         identity: .bearer(Tokens.attack("wrong secret"))))
        _ = try runtime.invoke(Events.authorizer("Bearer \(token)"))
        _ = try runtime.invoke(Events.authorizer("Bearer \(Tokens.attack("RS256 header"))"))
        _ = try runtime.invoke(Events.task(message: markers.message, businessContext: context))
        _ = try runtime.invoke(Events.task(message: markers.message, tenant: "tenant-b", businessContext: context))
        #expect(runtime.finish() == 0)

        let log = runtime.log
        let lines = runtime.logLines
        #expect(lines.count > 10)
        for line in lines {
            #expect(line.hasPrefix("{") && line.hasSuffix("}"), "not a JSON line: \(line.prefix(120))")
            #expect(line.contains(#""level":"#) || line.contains(#""_aws":"#), "neither a log nor a metric record: \(line.prefix(120))")
        }
        let secrets: [(String, String)] = [
            ("message text", "MARKER-MESSAGE"), ("company", "MARKER-COMPANY"), ("goal", "MARKER-GOAL"), ("person", "MARKER-PERSON"),
            ("email", markers.email), ("pause reason", "MARKER-PAUSE"), ("feedback", "MARKER-FEEDBACK"),
            ("bearer token", String(token.prefix(30))), ("token signature", String(token.split(separator: ".").last ?? "")),
            ("JWT secret", Tokens.secret), ("model API key", Self.modelKey), ("AWS secret key", Self.awsSecret),
        ]
        for (what, secret) in secrets {
            #expect(!log.contains(secret), "the \(level) log contains the \(what)")
        }
        // The logs still say what happened: requests, the fallback, the refusals.
        #expect(log.contains("model failed; the offline coach answered"))
        #expect(log.contains(#""status":401"#) && log.contains("authorizer denied") && log.contains("ValidationFailed"))
    }
}
