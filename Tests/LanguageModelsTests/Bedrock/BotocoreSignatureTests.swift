import AWSCore
import Foundation
import LanguageModels
import LocalRuntime
import Testing
import TestSupport

/// A Converse request our signer signed, as it arrived on the wire,
/// re-signed by botocore's `SigV4Auth` (scripts/verify_sigv4_with_botocore.py).
@Suite("SigV4 of a Converse request, checked by botocore")
struct BotocoreSignatureTests {
    struct Verdict: Decodable {
        var match: Bool
        var botocoreAuthorization: String?
        var canonicalRequest: String?

        enum CodingKeys: String, CodingKey {
            case match
            case botocoreAuthorization = "botocore_authorization"
            case canonicalRequest = "canonical_request"
        }
    }

    struct Submission: Encodable {
        var method: String
        var url: String
        var headers: [[String]]
        var bodyBase64: String
        var service = "bedrock"
        var region = FakeBedrock.region
        var accessKeyID = FakeBedrock.credentials.accessKeyID
        var secretAccessKey = FakeBedrock.credentials.secretAccessKey
        var sessionToken = FakeBedrock.credentials.sessionToken

        enum CodingKeys: String, CodingKey {
            case method, url, headers, service, region
            case bodyBase64 = "body_base64"
            case accessKeyID = "access_key_id"
            case secretAccessKey = "secret_access_key"
            case sessionToken = "session_token"
        }

        init(_ request: ServerRequest, base: String) {
            method = request.method
            url = base + request.target
            headers = request.headers.map { [$0.name, $0.value] }
            bodyBase64 = request.body.base64EncodedString()
        }
    }

    /// Sends one Converse call for a model id with ':' through the fake,
    /// and returns the request as received plus the server's base URL.
    func capturedRequest() throws -> (ServerRequest, String) {
        let expectation = FakeBedrock.Expectation(modelID: Samples.bedrockModelID, maxTokens: 512, temperature: 0.4)
        let server = FakeBedrock.server(expecting: expectation, script: [FakeBedrock.converse(["ok"])])
        let base = try server.start()
        let model = try FakeBedrock.model(url: base, modelID: Samples.bedrockModelID, time: nil)
        _ = try model.complete(Samples.request, deadline: .none)
        #expect(server.problems == [])
        let request = try #require(server.received.first).request
        return (request, base)
    }

    func botocore(_ submission: Submission) throws -> (status: Int32, verdict: Verdict?, output: String) {
        let python = try #require(ExecutableLookup.find("python3"), "python3 with botocore is needed (it is in CI)")
        let directory = try TemporaryDirectory(prefix: "sigv4-botocore")
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("request.json")
        try JSONEncoder().encode(submission).write(to: file)
        let script = PackagePaths.root.appendingPathComponent("scripts/verify_sigv4_with_botocore.py")
        let result = try ProcessRunner.run(URL(fileURLWithPath: python), arguments: [script.path, file.path], timeout: 30)
        let verdict = try? JSONDecoder().decode(Verdict.self, from: Data(result.standardOutput.utf8))
        return (result.status, verdict, result.standardOutput + result.standardError)
    }

    @Test("botocore computes the same Authorization for our Converse request (model id with ':')")
    func botocoreAgrees() throws {
        let (request, base) = try capturedRequest()
        #expect(request.path == "/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse")
        let (status, verdict, output) = try botocore(Submission(request, base: base))
        #expect(status == 0, "\(output)")
        #expect(verdict?.match == true)
        #expect(verdict?.botocoreAuthorization == request.headers["Authorization"])
        #expect(verdict?.canonicalRequest?.contains("\n/model/us.anthropic.claude-haiku-4-5-20251001-v1%253A0/converse\n") == true,
                "the canonical URI encodes the already-encoded segment once more")
    }

    @Test("botocore disagrees once the body is changed: the check can fail")
    func botocoreDetectsTampering() throws {
        let (request, base) = try capturedRequest()
        var submission = Submission(request, base: base)
        submission.bodyBase64 = Data((String(decoding: request.body, as: UTF8.self) + " ").utf8).base64EncodedString()
        let (status, verdict, output) = try botocore(submission)
        #expect(status == 1, "\(output)")
        #expect(verdict?.match == false)
    }
}
