import CurlHTTP
import Essentials
import HTTPTypes

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`) as a pure function of the
/// request, the credentials, region, service and time.
///
/// The signer computes the headers; it does not send anything. It never
/// signs hop-by-hop headers, `Expect` or `User-Agent` (the HTTP layer may
/// rewrite or drop them), matching botocore's list.
package struct SigV4Signer: Sendable {
    package var service: String
    package var region: String
    /// Add and sign `X-Amz-Content-SHA256` (S3 requires it; others ignore it).
    package var includesContentHashHeader: Bool
    /// Encode each path segment once more in the canonical URI and normalise
    /// the path: every service except S3 (for example `%3A` in a Bedrock
    /// model id becomes `%253A`).
    package var encodesPathTwice: Bool

    package init(service: String, region: String, includesContentHashHeader: Bool = false, encodesPathTwice: Bool = true) {
        self.service = service
        self.region = region
        self.includesContentHashHeader = includesContentHashHeader
        self.encodesPathTwice = encodesPathTwice
    }

    /// Header names never signed: hop-by-hop ones and those the transport may change.
    static let unsignedHeaderNames: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization",
        "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id", "content-length",
    ]

    package func sign(_ request: SigV4Request, credentials: AWSCredentials, epochSeconds: Int64) -> SigV4Signature {
        let time = UTCDateTime(epochSeconds: epochSeconds)
        let amzDate = time.amzDate
        var added = HTTPHeaders()
        added.add(name: "X-Amz-Date", value: amzDate)
        if let token = credentials.sessionToken {
            added.add(name: "X-Amz-Security-Token", value: token)
        }
        if includesContentHashHeader {
            added.add(name: "X-Amz-Content-SHA256", value: request.payloadHash)
        }

        let (canonicalHeaders, signedHeaders) = canonicalHeaders(request: request, added: added)
        let canonicalRequest = [
            request.method.uppercased(),
            canonicalURI(request.path),
            Self.canonicalQueryString(request.query),
            canonicalHeaders,
            signedHeaders,
            request.payloadHash,
        ].joined(separator: "\n")

        let scope = "\(time.amzDay)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256",
            amzDate,
            scope,
            SHA256.hexDigest(canonicalRequest.utf8),
        ].joined(separator: "\n")

        let signature = HMACSHA256.authenticationCode(
            for: stringToSign,
            key: signingKey(secret: credentials.secretAccessKey, day: time.amzDay)
        ).hexEncodedString()

        var headers = HTTPHeaders()
        headers.add(
            name: "Authorization",
            value: "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        )
        for field in added { headers.add(name: field.name, value: field.value) }
        return SigV4Signature(
            canonicalRequest: canonicalRequest,
            stringToSign: stringToSign,
            signature: signature,
            signedHeaders: signedHeaders,
            headers: headers
        )
    }

    /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request")`.
    func signingKey(secret: String, day: String) -> [UInt8] {
        let dateKey = HMACSHA256.authenticationCode(for: day, key: Array("AWS4\(secret)".utf8))
        let regionKey = HMACSHA256.authenticationCode(for: region, key: dateKey)
        let serviceKey = HMACSHA256.authenticationCode(for: service, key: regionKey)
        return HMACSHA256.authenticationCode(for: "aws4_request", key: serviceKey)
    }

    /// Sorted `name=value` pairs, both encoded, joined with `&`. The same
    /// string is used on the wire, so what is signed is what is sent.
    package static func canonicalQueryString(_ items: [(name: String, value: String)]) -> String {
        items
            .map { (PercentEncoding.encode($0.name), PercentEncoding.encode($0.value)) }
            .sorted { lhs, rhs in
                lhs.0 == rhs.0 ? lhs.1.utf8.lexicographicallyPrecedes(rhs.1.utf8) : lhs.0.utf8.lexicographicallyPrecedes(rhs.0.utf8)
            }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    func canonicalURI(_ path: String) -> String {
        guard encodesPathTwice else { return path.isEmpty ? "/" : path }
        return PercentEncoding.encode(Self.removingDotSegments(path), keepSlash: true)
    }

    /// RFC 3986 §5.2.4 dot-segment removal; empty segments (`//`) are
    /// dropped too, as AWS services expect.
    static func removingDotSegments(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                if !output.isEmpty { output.removeLast() }
            } else {
                output.append(segment)
            }
        }
        let leading = path.hasPrefix("/") ? "/" : ""
        let trailing = path.hasSuffix("/") && !output.isEmpty ? "/" : ""
        return leading + output.joined(separator: "/") + trailing
    }

    private func canonicalHeaders(request: SigV4Request, added: HTTPHeaders) -> (String, String) {
        var valuesByName: [String: [String]] = [:]
        var order: [String] = []
        func append(_ name: String, _ value: String) {
            let lower = name.lowercased()
            if valuesByName[lower] == nil { order.append(lower) }
            valuesByName[lower, default: []].append(Self.trimmingAll(value))
        }
        let replaced = Set(added.map { $0.name.lowercased() })
        for field in request.headers {
            let lower = field.name.lowercased()
            guard !Self.unsignedHeaderNames.contains(lower), !replaced.contains(lower) else { continue }
            append(field.name, field.value)
        }
        if valuesByName["host"] == nil { append("host", request.host) }
        for field in added { append(field.name, field.value) }

        let names = order.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var lines = ""
        for name in names {
            lines += "\(name):\(valuesByName[name, default: []].joined(separator: ","))\n"
        }
        return (lines, names.joined(separator: ";"))
    }

    /// Trims the value and collapses runs of whitespace to one space.
    static func trimmingAll(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" })
            .joined(separator: " ")
    }
}
