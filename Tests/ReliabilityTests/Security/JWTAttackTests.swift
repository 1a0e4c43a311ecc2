import Foundation
import LocalRuntime
import Testing
import TestSupport

/// Forged and unacceptable Bearer tokens against the real process, on both
/// ways they are checked: by the function itself (HTTP routes) and by the
/// same binary as the HTTP API's Lambda authorizer.
@Suite struct JWTAttackTests {
    @Test func everyForgedTokenIsRefusedByTheRoutesAndTheAuthorizer() throws {
        let data = try TemporaryDirectory(prefix: "reliability-jwt")
        defer { data.remove() }
        let runtime = try RuntimeProcess(environment: Tokens.environment.merging(["COACHING_DATA_DIR": data.url.path]) { $1 })
        let valid = Tokens.valid()
        #expect(try runtime.http(Events.http("GET", "/api/v1/conversations", identity: .bearer(valid))).status == 200)
        #expect(try runtime.invoke(Events.authorizer("Bearer \(valid)")).authorizerDecision?.isAuthorized == true)

        for (attack, token) in Tokens.attacks {
            for (method, path, body) in [("GET", "/api/v1/conversations", nil), ("POST", "/api/v1/coaching/chat", #"{"message":"let me in"}"#)] {
                let reply = try runtime.http(Events.http(method, path, body: body, identity: .bearer(token)))
                #expect(reply.status == 401, "\(attack): \(method) \(path) answered \(reply.status)")
                #expect(reply.error?.errorCode == "UNAUTHORIZED", "\(attack)")
                #expect(reply.headers["www-authenticate"] == "Bearer", "\(attack)")
                #expect(!reply.body.contains(token.prefix(24)), "\(attack): the answer echoes the token")
            }
            let decision = try runtime.invoke(Events.authorizer("Bearer \(token)")).authorizerDecision
            #expect(decision?.isAuthorized == false, "\(attack): the authorizer allowed it")
            #expect(decision?.context.isEmpty == true, "\(attack)")
        }
        // Nothing was written by any refused request.
        let listed = try runtime.http(Events.http("GET", "/api/v1/conversations", identity: .bearer(valid)))
        #expect(listed.body.contains(#""items":[]"#))
        #expect(runtime.finish() == 0)
        print("RELIABILITY JWT: \(Tokens.attacks.count) forged or unacceptable tokens refused on 2 routes and by the authorizer")
    }

    @Test func withoutASecretNoBearerTokenIsAccepted() throws {
        let data = try TemporaryDirectory(prefix: "reliability-no-secret")
        defer { data.remove() }
        let runtime = try RuntimeProcess(environment: ["COACHING_DATA_DIR": data.url.path])
        let reply = try runtime.http(Events.http("GET", "/api/v1/conversations", identity: .bearer(Tokens.valid())))
        #expect(reply.status == 401)
        #expect(reply.error?.error == "Bearer tokens are not accepted by this deployment.")
        #expect(try runtime.invoke(Events.authorizer("Bearer \(Tokens.valid())")).authorizerDecision?.isAuthorized == false)
        #expect(runtime.finish() == 0)
    }
}
