import CoachingHandlers
import Foundation

/// Bearer tokens, good and forged, for the processes these tests start
/// (`JWT_SECRET`, `JWT_ISSUER`, `JWT_AUDIENCE` as in ``environment``).
enum Tokens {
    static let secret = "reliability-suite-hs256-secret-0123456789abcdef"
    static let issuer = "https://auth.reliability.test"
    static let audience = "purposepath-coaching"

    static let environment = ["JWT_SECRET": secret, "JWT_ISSUER": issuer, "JWT_AUDIENCE": audience]

    static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    static let signer = JWTSigner(secret: Array(secret.utf8))

    static func valid(user: String = "alice", tenant: String = "tenant-a") -> String {
        signer.sign(userID: user, tenantID: tenant, role: "owner", issuer: issuer, audience: audience, now: now)
    }

    /// Claims JSON for alice in tenant-a, with `extra` members appended and `exp` and `iat` overridable
    /// (`issuedAt: ""` leaves `iat` out).
    static func claims(_ extra: String = "", exp: Int64? = nil, tenant: String? = "tenant-a", issuedAt: String? = nil, expiry: String? = nil) -> String {
        let tenantMember = tenant.map { #","tenant_id":"\#($0)""# } ?? ""
        let iat = issuedAt ?? String(now - 60)
        let iatMember = iat.isEmpty ? "" : #","iat":\#(iat)"#
        return #"{"sub":"alice","user_id":"alice"\#(tenantMember),"iss":"\#(issuer)","aud":"\#(audience)"\#(iatMember),"exp":\#(expiry ?? String(exp ?? now + 600))\#(extra)}"#
    }

    /// base64url without padding.
    static func base64URL(_ text: String) -> String { base64URL(Data(text.utf8)) }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A PEM public key: what an attacker signs with in the HS/RS confusion attack.
    static let publicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
        4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u
        +qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyeh
        kd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ
        0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdg
        cKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbc
        mwIDAQAB
        -----END PUBLIC KEY-----
        """

    /// The token of the attack named `name` in ``attacks``.
    static func attack(_ name: String) -> String {
        attacks.first { $0.name == name }?.token ?? "no-such-attack"
    }

    /// Every forged or unacceptable token, by attack.
    static var attacks: [(name: String, token: String)] {
        let valid = valid()
        var parts = valid.split(separator: ".").map(String.init)
        parts[1] = base64URL(claims().replacingOccurrences(of: #""user_id":"alice""#, with: #""user_id":"admin""#))
        let tampered = parts.joined(separator: ".")
        return [
            ("alg none", base64URL(#"{"alg":"none","typ":"JWT"}"#) + "." + base64URL(claims()) + "."),
            ("alg none with a signature", base64URL(#"{"alg":"none"}"#) + "." + base64URL(claims()) + "." + base64URL("sig")),
            ("RS256 header", signer.sign(claimsJSON: claims(), headerJSON: #"{"alg":"RS256","typ":"JWT"}"#)),
            ("HS/RS confusion: HS256 keyed with the public key",
             JWTSigner(secret: Array(publicKeyPEM.utf8)).sign(claimsJSON: claims())),
            ("HS512", signer.sign(claimsJSON: claims(), headerJSON: #"{"alg":"HS512","typ":"JWT"}"#)),
            ("lower-case alg", signer.sign(claimsJSON: claims(), headerJSON: #"{"alg":"hs256"}"#)),
            ("crit header", signer.sign(claimsJSON: claims(), headerJSON: #"{"alg":"HS256","crit":["exp"]}"#)),
            ("wrong secret", JWTSigner(secret: Array("another-secret-of-at-least-32-bytes-long!!".utf8)).sign(claimsJSON: claims())),
            ("expired", signer.sign(claimsJSON: claims(exp: now - 300))),
            ("no exp", signer.sign(claimsJSON: claims().replacingOccurrences(of: #","exp":\#(now + 600)"#, with: ""))),
            ("not yet valid", signer.sign(claimsJSON: claims(#","nbf":\#(now + 3_600)"#))),
            ("wrong issuer", signer.sign(claimsJSON: claims().replacingOccurrences(of: issuer, with: "https://evil.example"))),
            ("wrong audience", signer.sign(claimsJSON: claims().replacingOccurrences(of: audience, with: "another-api"))),
            ("no tenant claim", signer.sign(claimsJSON: claims(tenant: nil))),
            ("unsafe tenant claim", signer.sign(claimsJSON: claims(tenant: "../tenant-b"))),
            ("tampered payload", tampered),
            ("oversized", signer.sign(claimsJSON: claims(#","pad":"\#(String(repeating: "x", count: 9_000))""#))),
            ("not a JWT", "not-a-jwt"),
            ("two segments", "abc.def"),
            ("invalid base64url", "a*b.c*d.e*f"),
            ("padded", valid + "=="),
            ("claims not JSON", signer.sign(claimsJSON: "not json")),
            ("duplicate tenant_id (last-wins parsers read tenant-b)", signer.sign(claimsJSON: claims(#","tenant_id":"tenant-b""#))),
            ("duplicate alg header", signer.sign(claimsJSON: claims(), headerJSON: #"{"alg":"HS256","alg":"none"}"#)),
            ("no iat", signer.sign(claimsJSON: claims(issuedAt: ""))),
            ("issued a year ago, exp 1e308", signer.sign(claimsJSON: claims(issuedAt: String(now - 31_536_000), expiry: "1e308"))),
        ]
    }
}
