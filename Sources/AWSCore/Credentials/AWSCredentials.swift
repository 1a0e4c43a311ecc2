/// An access key pair, optionally with the session token of temporary
/// credentials (Lambda's execution role always has one).
///
/// `description` never shows the secret or the token: credentials end up in
/// string interpolations more often than anyone intends.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    public var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>, sessionToken: \(sessionToken == nil ? "none" : "<redacted>"))"
    }

    public var debugDescription: String { description }

    /// Removes the secret and the token from `text`, should a server ever
    /// echo them back (a defensive measure for error messages).
    public func redacting(_ text: String) -> String {
        var result = text
        for secret in [secretAccessKey, sessionToken ?? ""] where secret.count >= 8 {
            result = result.replacing(secret, with: "<redacted>")
        }
        return result
    }
}
