@testable import CoachingApplication
import CoachingHandlers
import Essentials
import Foundation
import LocalRuntime
import Testing
import TestSupport

/// `JWT_SECRET_ARN` and `OPENAI_API_KEY_ARN` as deployed: the real `bootstrap`
/// process reads the secret from Secrets Manager (moto's server, signature
/// checking on) before its first `next`, or reports why it cannot to
/// `/runtime/init/error`.
@Suite struct SecretsManagerSecretTests {
    let moto: MotoServer
    let data: TemporaryDirectory

    init() throws {
        moto = try MotoServer.shared()
        data = try TemporaryDirectory(prefix: "coaching-secrets")
    }

    private func environment(_ extra: [String: String]) -> [String: String] {
        var values = moto.environmentWithSecretsManager
        values["LLM_PROVIDER"] = "offline"
        values["COACHING_DATA_DIR"] = data.url.path
        for (key, value) in extra { values[key] = value }
        return values
    }

    private static func uniqueName(_ prefix: String) -> String { "coaching/\(prefix)-\(UUID().uuidString.prefix(8))" }

    private static func token(signedWith key: String) -> String {
        JWTSigner(secret: Array(key.utf8)).sign(userID: "alice", tenantID: "tenant-a", now: Int64(Date().timeIntervalSince1970), lifetimeSeconds: 600)
    }

    /// The status of `GET /api/v1/conversations` with a Bearer token signed with `key`.
    private static func listStatus(_ session: BootstrapSession, tokenKey key: String) throws -> Int {
        let outcome = session.invoke(HTTPEvents.v2("GET", "/api/v1/conversations", identity: .bearer(token(signedWith: key))))
        return try HTTPEvents.ProxyResponse(try #require(outcome?.responseBody)).statusCode
    }

    @Test(arguments: [false, true])
    func theSecretStringIsTheSigningKeyRawOrAsJSON(jsonForm: Bool) throws {
        let key = "secrets-manager-key-\(UUID().uuidString)"
        let stored = jsonForm ? #"{"secret": "\#(key)"}"# : key
        let arn = try moto.createSecret(name: Self.uniqueName(jsonForm ? "json" : "raw"), secretString: stored)
        let session = try BootstrapSession(environment: environment(["JWT_SECRET_ARN": arn]))
        defer { session.finish() }

        #expect(try Self.listStatus(session, tokenKey: key) == 200)
        #expect(try Self.listStatus(session, tokenKey: "another-key-that-is-at-least-32-bytes") == 401)
        #expect(try Self.listStatus(session, tokenKey: stored) == (jsonForm ? 401 : 200))
    }

    /// Runs bootstrap against a mock Runtime API and returns what it reported to /runtime/init/error.
    private func initError(_ extra: [String: String]) throws -> (type: String?, message: String, requests: [String]) {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "never", json: "{}")])
        let address = try api.start()
        defer { api.stop() }
        var values: [String: String?] = environment(extra)
        values["AWS_LAMBDA_RUNTIME_API"] = address
        let result = try ProcessRunner.run(PackagePaths.bootstrap, environment: values)
        #expect(result.status == 1)
        let reported = try #require(api.initError)
        return (reported.type, String(decoding: reported.body, as: UTF8.self), api.requests.map(\.path))
    }

    @Test func aMissingSecretIsAnInitError() throws {
        let reported = try initError(["JWT_SECRET_ARN": moto.missingSecretARN()])
        #expect(reported.type == "Runtime.InvalidConfiguration")
        #expect(reported.message.contains("JWT_SECRET_ARN: the secret could not be read (ResourceNotFoundException)"))
        #expect(!reported.requests.contains { $0.hasSuffix("/next") })
    }

    @Test func aSecretTheRoleCannotReadIsAnInitError() throws {
        let arn = try moto.createSecret(name: Self.uniqueName("denied"), secretString: "denied-key-that-is-at-least-32-bytes-long")
        let reported = try initError([
            "JWT_SECRET_ARN": arn,
            "AWS_ACCESS_KEY_ID": moto.deniedCredentials.accessKeyID, "AWS_SECRET_ACCESS_KEY": moto.deniedCredentials.secretAccessKey,
        ])
        #expect(reported.type == "Runtime.InvalidConfiguration")
        #expect(reported.message.contains("JWT_SECRET_ARN: the secret could not be read (AccessDenied"))
    }

    @Test(arguments: [
        ("short-key", "JWT_SECRET_ARN: the secret is shorter than 32 bytes"),
        (#"{"secret": "short"}"#, "JWT_SECRET_ARN: the secret is shorter than 32 bytes"),
        (#"{"key": "a-key-in-the-wrong-member-at-least-32-bytes"}"#, #"JWT_SECRET_ARN: the SecretString is a JSON object without a \"secret\" string"#),
        (#"{"secret": 42}"#, #"JWT_SECRET_ARN: the SecretString is a JSON object without a \"secret\" string"#),
    ])
    func anUnusableSecretIsAnInitErrorThatNeverShowsIt(secretString: String, expected: String) throws {
        let arn = try moto.createSecret(name: Self.uniqueName("unusable"), secretString: secretString)
        let reported = try initError(["JWT_SECRET_ARN": arn])
        #expect(reported.type == "Runtime.InvalidConfiguration")
        #expect(reported.message.contains(expected))
        #expect(!reported.message.contains("wrong-member"))
    }

    @Test func theOpenAIKeyComesFromItsSecret() throws {
        let arn = try moto.createSecret(name: Self.uniqueName("openai"), secretString: #"{"secret": "sk-test-\#(UUID().uuidString)"}"#)
        var configuration = try ServiceConfiguration(environment: Environment(environment([
            "LLM_PROVIDER": "openai", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "OPENAI_MODEL": "gpt-test", "OPENAI_API_KEY_ARN": arn,
        ])))
        #expect(configuration.openAIKeySecretARN == arn)
        #expect(configuration.languageModel.apiKey == nil)
        configuration.languageModel = try Application.languageModelWithSecretKey(configuration, environment: configuration.environment)
        #expect(configuration.languageModel.apiKey?.value.hasPrefix("sk-test-") == true)

        let spaced = try moto.createSecret(name: Self.uniqueName("openai-bad"), secretString: "not a header value")
        let reported = try initError([
            "LLM_PROVIDER": "openai", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "OPENAI_MODEL": "gpt-test", "OPENAI_API_KEY_ARN": spaced,
        ])
        #expect(reported.message.contains("OPENAI_API_KEY_ARN: the secret is not a usable API key"))
        #expect(!reported.message.contains("not a header value"))
    }
}
