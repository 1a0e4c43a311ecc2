import AWSCore
@testable import CoachingHandlers
import Foundation
import Testing
import TestSupport

/// Issue 20: duplicate members were resolved first-wins (a differential with
/// last-wins parsers), and a token without `iat` or with `exp = 1e308` lived forever.
@Suite struct JWTHardeningTests {
    let clock = VirtualTime(startEpochMilliseconds: 1_795_305_600_000)
    let signer = JWTSigner(secret: Array(TestAPI.secret.utf8))
    var now: Int64 { clock.nowEpochMilliseconds() / 1000 }
    var verifier: JWTVerifier { JWTVerifier(secret: Array(TestAPI.secret.utf8), issuer: TestAPI.issuer, audience: TestAPI.audience, clock: clock) }

    private func claims(_ members: String) -> String {
        #"{"sub":"alice","iss":"\#(TestAPI.issuer)","aud":"\#(TestAPI.audience)",\#(members)}"#
    }

    private var validMembers: String { #""tenant_id":"tenant-a","iat":\#(now - 10),"exp":\#(now + 600)"# }

    @Test func aWellFormedTokenStillVerifies() throws {
        let identity = try verifier.verify(signer.sign(claimsJSON: claims(validMembers)))
        #expect(identity.tenantID == "tenant-a")
        #expect(identity.userID == "alice")
    }

    @Test(arguments: [
        #""tenant_id":"tenant-a","tenant_id":"tenant-b""#,
        #""tenant_id":"tenant-a","tenant\u005fid":"tenant-b""#,
        #""tenant_id":"tenant-a","exp":1,"exp":9999999999"#,
        #""tenant_id":"tenant-a","sub":"mallory""#,
    ])
    func duplicateClaimsAreRefused(extra: String) throws {
        let token = signer.sign(claimsJSON: claims(#""iat":\#(now - 10),"exp":\#(now + 600),"# + extra))
        #expect(throws: AuthenticationError.malformedToken) { try verifier.verify(token) }
    }

    @Test(arguments: [
        #"{"alg":"HS256","alg":"none"}"#,
        #"{"alg":"HS256","typ":"JWT","typ":"JWT"}"#,
        #"{"alg":"HS256","\u0061lg":"HS256"}"#,
    ])
    func duplicateHeaderMembersAreRefused(header: String) throws {
        let token = signer.sign(claimsJSON: claims(validMembers), headerJSON: header)
        #expect(throws: AuthenticationError.malformedToken) { try verifier.verify(token) }
    }

    @Test func nestedObjectsMayRepeatNamesOfTheTopLevel() throws {
        let token = signer.sign(claimsJSON: claims(validMembers + #","extra":{"tenant_id":"x","sub":"y","n":[{"a":1},{"a":2}]}"#))
        #expect(try verifier.verify(token).tenantID == "tenant-a")
    }

    @Test func aTokenWithoutIssuedAtIsRefused() {
        let token = signer.sign(claimsJSON: claims(#""tenant_id":"tenant-a","exp":\#(now + 600)"#))
        #expect(throws: AuthenticationError.self) { try verifier.verify(token) }
    }

    @Test func anAncientTokenWithAnEndlessExpiryIsRefused() {
        let token = signer.sign(claimsJSON: claims(#""tenant_id":"tenant-a","iat":\#(now - 400 * 86_400),"exp":1e308"#))
        #expect(throws: AuthenticationError.self) { try verifier.verify(token) }
    }

    @Test func aTokenIssuedInTheFutureIsRefused() {
        let token = signer.sign(claimsJSON: claims(#""tenant_id":"tenant-a","iat":\#(now + 3_600),"exp":\#(now + 7_200)"#))
        #expect(throws: AuthenticationError.self) { try verifier.verify(token) }
    }
}
