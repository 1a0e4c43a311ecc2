import AWSCore
import CurlHTTP
import Essentials
import Foundation
import HTTPTypes
import LocalRuntime

/// Checks a received request's SigV4 signature the way AWS does: take the
/// `SignedHeaders` the client declared, rebuild the request from what
/// arrived (method, path, query, those headers, the body, `X-Amz-Date`),
/// sign it again with our signer and the expected secret, compare.
struct SigV4Verifier: Sendable {
    var credentials: AWSCredentials
    var region: String
    var service: String
    /// Headers that must be among the signed ones.
    var requiredSignedHeaders: Set<String>

    init(credentials: AWSCredentials, region: String, service: String, requiredSignedHeaders: Set<String> = ["host", "x-amz-date", "content-type"]) {
        self.credentials = credentials
        self.region = region
        self.service = service
        var required = requiredSignedHeaders
        if credentials.sessionToken != nil { required.insert("x-amz-security-token") }
        self.requiredSignedHeaders = required
    }

    struct Authorization {
        var credential: String
        var signedHeaders: [String]
        var signature: String

        init?(_ header: String) {
            guard header.hasPrefix("AWS4-HMAC-SHA256 ") else { return nil }
            var fields: [String: String] = [:]
            for part in header.dropFirst("AWS4-HMAC-SHA256 ".count).split(separator: ",") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
            }
            guard let credential = fields["Credential"], let signed = fields["SignedHeaders"], let signature = fields["Signature"] else { return nil }
            self.credential = credential
            signedHeaders = signed.split(separator: ";").map(String.init)
            self.signature = signature
        }
    }

    /// Empty when the signature is valid; otherwise what is wrong.
    func problems(in request: ServerRequest) -> [String] {
        guard let header = request.headers["Authorization"], let authorization = Authorization(header) else {
            return ["missing or malformed Authorization header"]
        }
        guard let amzDate = request.headers["X-Amz-Date"], let epochSeconds = Self.epochSeconds(amzDate: amzDate) else {
            return ["missing or malformed X-Amz-Date"]
        }
        var problems: [String] = []
        let missing = requiredSignedHeaders.subtracting(authorization.signedHeaders)
        if !missing.isEmpty { problems.append("headers not signed: \(missing.sorted().joined(separator: ","))") }
        let expectedScope = "\(credentials.accessKeyID)/\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
        if authorization.credential != expectedScope {
            problems.append("credential scope \(authorization.credential), expected \(expectedScope)")
        }
        let addedBySigner: Set<String> = ["x-amz-date", "x-amz-security-token"]
        var headers = HTTPHeaders()
        for name in authorization.signedHeaders where !addedBySigner.contains(name) {
            for value in request.headers.values(for: name) { headers.add(name: name, value: value) }
        }
        let expected = SigV4Signer(service: service, region: region).sign(
            SigV4Request(
                method: request.method,
                host: request.headers["Host"] ?? "",
                path: request.path,
                query: Self.queryItems(request.query),
                headers: headers,
                body: request.body
            ),
            credentials: credentials,
            epochSeconds: epochSeconds
        )
        if expected.authorization != header { problems.append("signature mismatch") }
        if let token = credentials.sessionToken, request.headers["X-Amz-Security-Token"] != token {
            problems.append("session token missing or wrong")
        }
        return problems
    }

    /// `20270115T080000Z` → seconds since the epoch.
    static func epochSeconds(amzDate: String) -> Int64? {
        let digits = Array(amzDate)
        guard digits.count == 16, digits[8] == "T", digits[15] == "Z" else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(digits[range])) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return calendar.date(from: components).map { Int64($0.timeIntervalSince1970) }
    }

    /// Decoded `name=value` pairs of a raw query string.
    static func queryItems(_ query: String) -> [(name: String, value: String)] {
        query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            return (name: name, value: value)
        }
    }
}
