/// The claims this service reads from a verified token.
struct JWTClaims: Decodable {
    var subject: String?
    var userID: String?
    var tenantID: String?
    var role: String?
    var issuer: String?
    var audience: [String]
    var expiresAt: Double?
    var notBefore: Double?
    var issuedAt: Double?

    enum CodingKeys: String, CodingKey {
        case subject = "sub"
        case userID = "user_id"
        case tenantID = "tenant_id"
        case role
        case issuer = "iss"
        case audience = "aud"
        case expiresAt = "exp"
        case notBefore = "nbf"
        case issuedAt = "iat"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        userID = try container.decodeIfPresent(String.self, forKey: .userID)
        tenantID = try container.decodeIfPresent(String.self, forKey: .tenantID)
        role = try container.decodeIfPresent(String.self, forKey: .role)
        issuer = try container.decodeIfPresent(String.self, forKey: .issuer)
        if let single = try? container.decodeIfPresent(String.self, forKey: .audience) {
            audience = [single]
        } else {
            audience = try container.decodeIfPresent([String].self, forKey: .audience) ?? []
        }
        expiresAt = try container.decodeIfPresent(Double.self, forKey: .expiresAt)
        notBefore = try container.decodeIfPresent(Double.self, forKey: .notBefore)
        issuedAt = try container.decodeIfPresent(Double.self, forKey: .issuedAt)
    }
}

/// The protected header; only `alg` and `crit` matter.
struct JWTHeader: Decodable {
    var algorithm: String
    var critical: [String]?

    enum CodingKeys: String, CodingKey {
        case algorithm = "alg"
        case critical = "crit"
    }
}
