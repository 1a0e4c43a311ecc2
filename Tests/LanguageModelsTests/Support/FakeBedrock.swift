import AWSCore
import Essentials
import Foundation
import LanguageModels
import LocalRuntime
import TestSupport

/// A fake Bedrock Runtime: checks each Converse request as Bedrock would
/// (SigV4 signature recomputed with our signer; path; JSON shape) and
/// answers from a script.
enum FakeBedrock {
    static let region = "eu-central-1"
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDFAKEBEDROCK01",
        secretAccessKey: "fakeSecret/With+Slash=0123456789",
        sessionToken: "FwoGZXIvYXdzEFAKE//session+token="
    )

    /// What a well-formed request for one test carries.
    struct Expectation: Sendable {
        var modelID: String
        var maxTokens: Int
        var temperature: Double
    }

    static func server(expecting expectation: Expectation, script: [ScriptedModelServer.Reply]) -> ScriptedModelServer {
        let verifier = SigV4Verifier(credentials: credentials, region: region, service: "bedrock")
        return ScriptedModelServer(
            script: script,
            inspector: { request in
                verifier.problems(in: request).map { "auth: \($0)" } + requestProblems(request, expectation).map { "shape: \($0)" }
            },
            rejection: { problems in
                problems.contains { $0.hasPrefix("auth:") }
                    ? error(status: 403, type: "InvalidSignatureException", message: "The request signature we calculated does not match the signature you provided.")
                    : error(status: 400, type: "ValidationException", message: problems.joined(separator: "; "))
            }
        )
    }

    /// The model under test, pointed at `url`. With `time`, the clock and
    /// the sleeper are virtual (backoff is recorded, not waited for).
    static func model(url: String, modelID: String, timeoutMilliseconds: Int64 = 30_000, time: VirtualTime?,
                      secret: String = credentials.secretAccessKey) throws -> BedrockConverseModel {
        var dependencies = AWSClientDependencies(random: FixedRandom(0.5), retryQuota: RetryQuota())
        if let time {
            dependencies.clock = time
            dependencies.sleeper = time
        }
        let signingCredentials = AWSCredentials(accessKeyID: credentials.accessKeyID, secretAccessKey: secret, sessionToken: credentials.sessionToken)
        return BedrockConverseModel(
            modelID: modelID, region: region, endpoint: try AWSEndpoint(url: url),
            credentialsProvider: StaticCredentialsProvider(signingCredentials),
            timeoutMilliseconds: timeoutMilliseconds, dependencies: dependencies
        )
    }

    // MARK: Replies

    static func converse(_ texts: [String], stopReason: String = "end_turn", inputTokens: Int = 812, outputTokens: Int = 64) -> ScriptedModelServer.Reply {
        let body = ConverseReply(
            output: .init(message: .init(role: "assistant", content: texts.map { .init(text: $0) })),
            stopReason: stopReason,
            usage: .init(inputTokens: inputTokens, outputTokens: outputTokens, totalTokens: inputTokens + outputTokens),
            metrics: .init(latencyMs: 420)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = (try? encoder.encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return ScriptedModelServer.Reply(status: 200, headers: [("Content-Type", "application/json"), ("x-amzn-RequestId", "ok-1")], body: text)
    }

    /// An error the way Bedrock sends it: the type in `x-amzn-ErrorType`, the message in the body.
    static func error(status: Int, type: String, message: String = "error") -> ScriptedModelServer.Reply {
        ScriptedModelServer.Reply(
            status: status,
            headers: [
                ("Content-Type", "application/json"),
                ("x-amzn-ErrorType", "\(type):http://internal.amazon.com/coral/com.amazon.bedrock/"),
                ("x-amzn-RequestId", "req-\(type)"),
            ],
            body: #"{"message":"\#(message)"}"#
        )
    }

    // MARK: Checks

    static func requestProblems(_ request: ServerRequest, _ expectation: Expectation) -> [String] {
        var problems: [String] = []
        if request.method != "POST" { problems.append("method \(request.method)") }
        let expectedPath = "/model/\(PercentEncoding.encode(expectation.modelID))/converse"
        if request.path != expectedPath { problems.append("path \(request.path), expected \(expectedPath)") }
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.count != 4 || String(segments[2]).removingPercentEncoding != expectation.modelID {
            problems.append("model id does not round-trip through the path")
        }
        if !request.query.isEmpty { problems.append("unexpected query \(request.query)") }
        if request.headers["Content-Type"] != "application/json" { problems.append("content type \(request.headers["Content-Type"] ?? "none")") }
        return problems + bodyProblems(request.body, expectation)
    }

    /// The Converse request shape.
    static func bodyProblems(_ body: Data, _ expectation: Expectation) -> [String] {
        guard let json = JSONValue.parse(body), let keys = json.keys else { return ["body is not a JSON object"] }
        var problems: [String] = []
        let unexpected = keys.subtracting(["messages", "system", "inferenceConfig"])
        if !unexpected.isEmpty { problems.append("unexpected keys \(unexpected.sorted())") }
        if let system = json["system"] {
            if !isTextBlockList(system) { problems.append("system must be a list of {text} blocks") }
        }
        guard let messages = json["messages"]?.array, !messages.isEmpty else { return problems + ["messages missing or empty"] }
        for (index, message) in messages.enumerated() {
            guard message.keys == ["role", "content"], let role = message["role"]?.string else {
                problems.append("message \(index) must have exactly role and content")
                continue
            }
            let expectedRole = index % 2 == 0 ? "user" : "assistant"
            if role != expectedRole { problems.append("message \(index) has role \(role), expected \(expectedRole)") }
            if let content = message["content"], !isTextBlockList(content) { problems.append("message \(index) content must be {text} blocks") }
        }
        guard let config = json["inferenceConfig"], let configKeys = config.keys else { return problems + ["inferenceConfig missing"] }
        let unknownConfig = configKeys.subtracting(["maxTokens", "temperature", "topP", "stopSequences"])
        if !unknownConfig.isEmpty { problems.append("unexpected inferenceConfig keys \(unknownConfig.sorted())") }
        if config["maxTokens"]?.integer != expectation.maxTokens { problems.append("inferenceConfig.maxTokens is not \(expectation.maxTokens)") }
        if config["temperature"]?.number != expectation.temperature { problems.append("inferenceConfig.temperature is not \(expectation.temperature)") }
        return problems
    }

    private static func isTextBlockList(_ value: JSONValue) -> Bool {
        guard let blocks = value.array, !blocks.isEmpty else { return false }
        return blocks.allSatisfy { block in
            guard block.keys == ["text"], let text = block["text"]?.string else { return false }
            return !text.allSatisfy(\.isWhitespace)
        }
    }
}

/// A Converse answer as Bedrock writes it.
private struct ConverseReply: Encodable {
    var output: Output
    var stopReason: String
    var usage: Usage
    var metrics: Metrics

    enum CodingKeys: String, CodingKey { case output, stopReason, usage, metrics }

    struct Output: Encodable {
        var message: Message
        enum CodingKeys: String, CodingKey { case message }
    }

    struct Message: Encodable {
        var role: String
        var content: [Block]
        enum CodingKeys: String, CodingKey { case role, content }
    }

    struct Block: Encodable {
        var text: String
        enum CodingKeys: String, CodingKey { case text }
    }

    struct Usage: Encodable {
        var inputTokens: Int
        var outputTokens: Int
        var totalTokens: Int
        enum CodingKeys: String, CodingKey { case inputTokens, outputTokens, totalTokens }
    }

    struct Metrics: Encodable {
        var latencyMs: Int
        enum CodingKeys: String, CodingKey { case latencyMs }
    }
}
