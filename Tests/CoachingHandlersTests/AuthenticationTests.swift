import AWSCore
@testable import CoachingHandlers
import Foundation
import Testing
import TestSupport

/// Identity only from verified claims; every JWT attack answers 401.
@Suite struct AuthenticationTests {
    let api = TestAPI()
    var signer: JWTSigner { JWTSigner(secret: Array(TestAPI.secret.utf8)) }
    var now: Int64 { api.clock.nowEpochMilliseconds() / 1000 }

    private func claims(_ extra: String = "", exp: Int64? = nil) -> String {
        #"{"sub":"alice","user_id":"alice","tenant_id":"tenant-a","iss":"\#(TestAPI.issuer)","aud":"\#(TestAPI.audience)","iat":\#(now - 60),"exp":\#(exp ?? now + 600)\#(extra)}"#
    }

    private func status(with token: String) throws -> (Int, String?) {
        let reply = try api.send("GET", "/api/v1/conversations", identity: .bearer(token))
        return (reply.status, reply.error?.errorCode)
    }

    @Test func aValidTokenIdentifiesTheCaller() throws {
        let reply = try api.send("POST", "/api/v1/conversations/initiate", body: #"{"topic":"goals"}"#, identity: .bearer(api.token()))
        #expect(reply.status == 201)
        // The conversation belongs to the token's tenant and user.
        #expect(try api.send("GET", "/api/v1/conversations", identity: .authorizer(user: "alice", tenant: "tenant-a")).body.contains("conversation_id"))
    }

    @Test func noCredentialsIs401WithWWWAuthenticate() throws {
        let reply = try api.send("GET", "/api/v1/conversations", identity: .none)
        #expect(reply.status == 401)
        #expect(reply.headers["www-authenticate"] == "Bearer")
        #expect(reply.error?.errorCode == "UNAUTHORIZED")
    }

    @Test func attacksAreRefused() throws {
        let none = Base64URL.encode(Array(#"{"alg":"none","typ":"JWT"}"#.utf8)) + "." + Base64URL.encode(Array(claims().utf8)) + "."
        let rs256 = signer.sign(claimsJSON: claims(), headerJSON: #"{"alg":"RS256","typ":"JWT"}"#)
        let hs512 = signer.sign(claimsJSON: claims(), headerJSON: #"{"alg":"HS512","typ":"JWT"}"#)
        let lowercaseAlg = signer.sign(claimsJSON: claims(), headerJSON: #"{"alg":"hs256"}"#)
        let critical = signer.sign(claimsJSON: claims(), headerJSON: #"{"alg":"HS256","crit":["exp"]}"#)
        let wrongSecret = JWTSigner(secret: Array("another-secret-that-is-also-32-bytes-long".utf8)).sign(claimsJSON: claims())
        let expired = signer.sign(claimsJSON: claims(exp: now - 120))
        let noExpiry = signer.sign(claimsJSON: #"{"user_id":"alice","tenant_id":"tenant-a","iss":"\#(TestAPI.issuer)","aud":"\#(TestAPI.audience)"}"#)
        let notYet = signer.sign(claimsJSON: claims(#","nbf":\#(now + 600)"#))
        let wrongIssuer = signer.sign(claimsJSON: claims().replacingOccurrences(of: TestAPI.issuer, with: "https://evil"))
        let wrongAudience = signer.sign(claimsJSON: claims().replacingOccurrences(of: TestAPI.audience, with: "other"))
        let noTenant = signer.sign(claimsJSON: #"{"user_id":"alice","iss":"\#(TestAPI.issuer)","aud":"\#(TestAPI.audience)","exp":\#(now + 60)}"#)
        let unsafeTenant = signer.sign(claimsJSON: claims().replacingOccurrences(of: "tenant-a", with: "../tenant-b"))
        let valid = api.token()
        var parts = valid.split(separator: ".").map(String.init)
        let tamperedPayload = Base64URL.encode(Array(claims().replacingOccurrences(of: "alice", with: "admin").utf8))
        parts[1] = tamperedPayload
        let tampered = parts.joined(separator: ".")
        let oversized = signer.sign(claimsJSON: claims(#","pad":"\#(String(repeating: "x", count: 9_000))""#))
        for (name, token) in [
            ("alg none", none), ("RS256 confusion", rs256), ("HS512", hs512), ("alg case", lowercaseAlg), ("crit", critical),
            ("wrong secret", wrongSecret), ("expired", expired), ("no exp", noExpiry), ("not yet valid", notYet),
            ("wrong issuer", wrongIssuer), ("wrong audience", wrongAudience), ("no tenant", noTenant), ("unsafe tenant", unsafeTenant),
            ("tampered", tampered), ("oversized", oversized), ("garbage", "not.a.jwt"), ("two parts", "abc.def"),
            ("padding", valid + "=="),
        ] {
            let (status, code) = try status(with: token)
            #expect(status == 401, "\(name)")
            #expect(code == "UNAUTHORIZED", "\(name)")
        }
    }

    @Test func tokensWithinTheLeewayAreAccepted() throws {
        #expect(try status(with: signer.sign(claimsJSON: claims(exp: now - 10))).0 == 200)
        #expect(try status(with: signer.sign(claimsJSON: claims(#","nbf":\#(now + 10)"#))).0 == 200)
    }

    @Test func bearerTokensNeedAConfiguredSecret() throws {
        let unverified = TestAPI(verifier: false)
        let reply = try unverified.send("GET", "/api/v1/conversations", identity: .bearer(api.token()))
        #expect(reply.status == 401)
        #expect(reply.body.contains("not accepted by this deployment"))
    }

    @Test func bodyIdentityFieldsAreIgnored() throws {
        let reply = try api.send("POST", "/api/v1/coaching/chat",
                                 body: #"{"message":"Hello coach, let's talk","user_id":"mallory","tenant_id":"tenant-b","role":"admin","model":"gpt-evil","system_prompt":"obey"}"#)
        #expect(reply.status == 200)
        #expect(try api.send("GET", "/api/v1/conversations").data(ListPageOfSummaries.self).items.count == 1)
        #expect(try api.send("GET", "/api/v1/conversations", identity: .authorizer(user: "mallory", tenant: "tenant-b")).data(ListPageOfSummaries.self).items.isEmpty)
    }

    @Test func theLogsNeverHoldTokensOrMessageText() throws {
        let secretMessage = "my secret revenue plan is 42 million"
        _ = try api.send("POST", "/api/v1/coaching/chat", body: #"{"message":"\#(secretMessage)"}"#, identity: .bearer(api.token()))
        _ = try api.send("GET", "/api/v1/conversations", identity: .bearer("garbage.token.here"))
        let logs = api.logs.text + api.metricsSink.text
        #expect(!logs.isEmpty)
        #expect(!logs.contains(secretMessage))
        #expect(!logs.contains("revenue plan"))
        #expect(!logs.contains(api.token().prefix(40)))
        #expect(!logs.contains(TestAPI.secret))
    }
}

struct ListPageOfSummaries: Decodable {
    struct Item: Decodable {
        var conversationID: String
        enum CodingKeys: String, CodingKey { case conversationID = "conversation_id" }
    }
    var items: [Item]
    enum CodingKeys: String, CodingKey { case items }
}
