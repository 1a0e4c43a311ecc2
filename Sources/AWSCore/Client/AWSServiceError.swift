import FoundationEssentials

/// An error answer from an AWS service, parsed from whichever form it took:
/// the `x-amzn-ErrorType` header, a JSON body (`__type`, `message` or
/// `Message`) or an XML body (`<Code>`, `<Message>`).
package struct AWSServiceError: Sendable, Equatable, CustomStringConvertible {
    /// The error name without namespace (`ConditionalCheckFailedException`).
    package var code: String
    /// The service's message, capped in length and with credentials redacted.
    package var message: String
    package var statusCode: Int
    /// `x-amzn-RequestId` (or the XML `RequestId`), for support cases and logs.
    package var requestID: String?
    /// The raw body, for service-specific detail such as DynamoDB's
    /// `CancellationReasons`. Never part of ``description``.
    package var body: Data
    /// Milliseconds from `x-amz-retry-after`, when the server sent it.
    package var retryAfterMilliseconds: Int64?

    package init(code: String, message: String, statusCode: Int, requestID: String? = nil, body: Data = Data(), retryAfterMilliseconds: Int64? = nil) {
        self.code = code
        self.message = message
        self.statusCode = statusCode
        self.requestID = requestID
        self.body = body
        self.retryAfterMilliseconds = retryAfterMilliseconds
    }

    /// Codes meaning the request was not authenticated: unknown key, bad
    /// signature, expired or malformed token.
    static let authenticationCodes: Set<String> = [
        "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch",
        "InvalidClientTokenId", "IncompleteSignature", "IncompleteSignatureException",
        "MissingAuthenticationToken", "MissingAuthenticationTokenException", "ExpiredToken",
        "ExpiredTokenException", "InvalidAccessKeyId", "AuthFailure", "RequestExpired",
    ]

    /// Codes meaning the caller is known but not allowed.
    static let accessDeniedCodes: Set<String> = ["AccessDeniedException", "AccessDenied", "UnauthorizedOperation"]

    package var isAuthenticationFailure: Bool { Self.authenticationCodes.contains(code) }
    package var isAccessDenied: Bool { Self.accessDeniedCodes.contains(code) }

    package var description: String {
        var text = "\(code) (HTTP \(statusCode))"
        if !message.isEmpty { text += ": \(message)" }
        if let requestID { text += " [request id \(requestID)]" }
        return text
    }
}
