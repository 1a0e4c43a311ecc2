import AWSCore
import Coaching
import Essentials
import FoundationEssentials

/// Verifies HS256 JSON Web Tokens issued for PurposePath users.
///
/// The algorithm is pinned to HS256: `none`, RS/ES algorithms (the HS/RS
/// confusion attack) and other HMAC sizes are refused before any signature
/// work. A header or claims object that repeats a member name is refused
/// (RFC 7515 §5.2, RFC 7519 §4). `exp` and `iat` are required, and a token
/// older than `maxAgeSeconds` is refused whatever its `exp` says; `exp`,
/// `nbf` and `iat` get a small leeway for clock skew; `iss` and `aud` are
/// checked when configured. The signature is compared in constant time.
package struct JWTVerifier: Sendable {
    static let maxTokenBytes = 8 * 1024
    /// A day: far longer than an access token lives, short enough that a
    /// leaked token with an endless `exp` stops working.
    package static let defaultMaxAgeSeconds = 86_400

    private let secret: [UInt8]
    package var issuer: String?
    package var audience: String?
    var leewaySeconds: Int64
    var maxAgeSeconds: Int64
    private let clock: any EpochClock

    package init(
        secret: [UInt8], issuer: String? = nil, audience: String? = nil, leewaySeconds: Int64 = 30,
        maxAgeSeconds: Int64 = Int64(defaultMaxAgeSeconds), clock: any EpochClock = SystemClock()
    ) {
        self.secret = secret
        self.issuer = issuer
        self.audience = audience
        self.leewaySeconds = leewaySeconds
        self.maxAgeSeconds = maxAgeSeconds
        self.clock = clock
    }

    /// The caller the token names, or why it is refused.
    package func verify(_ token: String) throws(AuthenticationError) -> CallerIdentity {
        guard token.utf8.count <= Self.maxTokenBytes else { throw .tokenTooLarge }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = Base64URL.decode(parts[0]), let payloadData = Base64URL.decode(parts[1]),
              let signature = Base64URL.decode(parts[2]) else {
            throw .malformedToken
        }
        let decoder = JSONDecoder()
        guard JSONMemberNames.areUnique(Array(headerData)), let header = try? decoder.decode(JWTHeader.self, from: headerData) else {
            throw .malformedToken
        }
        guard header.algorithm == "HS256", header.critical == nil else { throw .unsupportedAlgorithm }
        let signingInput = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        let expected = HMACSHA256.authenticationCode(for: signingInput, key: secret)
        guard Self.constantTimeEquals(expected, Array(signature)) else { throw .badSignature }
        guard JSONMemberNames.areUnique(Array(payloadData)), let claims = try? decoder.decode(JWTClaims.self, from: payloadData) else {
            throw .malformedToken
        }

        let now = Double(clock.nowEpochMilliseconds()) / 1000
        guard let expiresAt = claims.expiresAt else { throw .expired }
        guard now < expiresAt + Double(leewaySeconds) else { throw .expired }
        if let notBefore = claims.notBefore, now + Double(leewaySeconds) < notBefore { throw .notYetValid }
        guard let issuedAt = claims.issuedAt else { throw .tooOld }
        guard issuedAt <= now + Double(leewaySeconds) else { throw .notYetValid }
        guard now - issuedAt <= Double(maxAgeSeconds) + Double(leewaySeconds) else { throw .tooOld }
        if let issuer, claims.issuer != issuer { throw .wrongIssuer }
        if let audience, !claims.audience.contains(audience) { throw .wrongAudience }
        return try IdentityClaims.identity(userID: claims.userID ?? claims.subject, tenantID: claims.tenantID, role: claims.role)
    }

    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(lhs, rhs) { difference |= a ^ b }
        return difference == 0
    }
}

/// Signs HS256 tokens: development tokens (`make token`) and tests.
package struct JWTSigner: Sendable {
    private let secret: [UInt8]

    package init(secret: [UInt8]) { self.secret = secret }

    /// A token carrying `claims` (a JSON object's text, already encoded).
    package func sign(claimsJSON: String, headerJSON: String = #"{"alg":"HS256","typ":"JWT"}"#) -> String {
        let input = Base64URL.encode(Array(headerJSON.utf8)) + "." + Base64URL.encode(Array(claimsJSON.utf8))
        return input + "." + Base64URL.encode(HMACSHA256.authenticationCode(for: Array(input.utf8), key: secret))
    }

    /// A token for `user` in `tenant`, valid for `lifetimeSeconds` from `now`.
    package func sign(userID: String, tenantID: String, role: String? = nil, issuer: String? = nil, audience: String? = nil,
                     now: Int64, lifetimeSeconds: Int64 = 3_600) -> String {
        var fields = [
            "\"sub\":\(jsonString(userID))", "\"user_id\":\(jsonString(userID))", "\"tenant_id\":\(jsonString(tenantID))",
            "\"iat\":\(now)", "\"exp\":\(now + lifetimeSeconds)",
        ]
        if let role { fields.append("\"role\":\(jsonString(role))") }
        if let issuer { fields.append("\"iss\":\(jsonString(issuer))") }
        if let audience { fields.append("\"aud\":\(jsonString(audience))") }
        return sign(claimsJSON: "{" + fields.joined(separator: ",") + "}")
    }

    private func jsonString(_ value: String) -> String {
        let encoded = (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) }
        return encoded ?? "\"\""
    }
}
