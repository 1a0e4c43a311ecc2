import CurlHTTP
import FoundationEssentials

/// Turns an error response into an ``AWSServiceError``, whatever protocol
/// the service (or a stand-in such as moto) used to report it.
package enum AWSErrorParser {
    /// Longest message kept; service messages are short, echoed input is not.
    package static let maxMessageLength = 1_024

    package static func parse(_ response: HTTPResponse, credentials: AWSCredentials? = nil) -> AWSServiceError {
        let json = try? JSONDecoder().decode(JSONErrorBody.self, from: response.body)
        let xml = json == nil ? XMLErrorBody(response.body) : nil

        let headerCode = response.headers["x-amzn-ErrorType"].map { String($0.prefix { $0 != ":" }) }
        let rawCode = headerCode ?? json?.type ?? json?.code ?? json?.upperCode ?? xml?.code
        let code = rawCode.map(Self.stripNamespace).flatMap { $0.isEmpty ? nil : $0 } ?? "HTTP\(response.status)"
        var message = json?.message ?? json?.upperMessage ?? xml?.message ?? ""
        if let credentials { message = credentials.redacting(message) }
        if message.count > maxMessageLength { message = String(message.prefix(maxMessageLength)) + "…" }

        let requestID = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"] ?? xml?.requestID
        let retryAfter = response.headers["x-amz-retry-after"].flatMap { Int64($0.trimmingSpaces()) }
        return AWSServiceError(
            code: code,
            message: message,
            statusCode: response.status,
            requestID: requestID,
            body: response.body,
            retryAfterMilliseconds: retryAfter
        )
    }

    /// `com.amazonaws.dynamodb.v20120810#ResourceNotFoundException` → the part after `#`;
    /// `ThrottlingException:http://internal.amazon.com/…` → the part before `:`.
    /// botocore's order (`parsers.py`, `_do_error_parse`): cut at the first
    /// `:`, then keep what follows the last `#`.
    static func stripNamespace(_ code: String) -> String {
        let trimmed = Substring(code.trimmingSpaces())
        let beforeColon = trimmed.prefix { $0 != ":" }
        if let hash = beforeColon.lastIndex(of: "#") { return String(beforeColon[beforeColon.index(after: hash)...]) }
        return String(beforeColon)
    }
}

/// The JSON error shapes of the JSON 1.0/1.1 and REST-JSON protocols.
private struct JSONErrorBody: Decodable {
    var type: String?
    var code: String?
    var upperCode: String?
    var message: String?
    var upperMessage: String?

    enum CodingKeys: String, CodingKey {
        case type = "__type"
        case code
        case upperCode = "Code"
        case message
        case upperMessage = "Message"
    }
}

/// The Query/XML error shape (`<ErrorResponse><Error><Code>…`), read with a
/// tolerant scan: the first element of each name wins.
private struct XMLErrorBody {
    var code: String?
    var message: String?
    var requestID: String?

    init?(_ body: Data) {
        let text = String(decoding: body, as: UTF8.self)
        guard text.contains("<") else { return nil }
        code = Self.element("Code", in: text)
        message = Self.element("Message", in: text)
        requestID = Self.element("RequestId", in: text) ?? Self.element("RequestID", in: text)
        if code == nil && message == nil { return nil }
    }

    static func element(_ name: String, in text: String) -> String? {
        guard let open = text.firstRange(of: "<\(name)>"),
              let close = text[open.upperBound...].firstRange(of: "</\(name)>") else { return nil }
        return unescape(String(text[open.upperBound..<close.lowerBound]))
    }

    static func unescape(_ text: String) -> String {
        text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&apos;", with: "'").replacing("&amp;", with: "&")
    }
}

extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
