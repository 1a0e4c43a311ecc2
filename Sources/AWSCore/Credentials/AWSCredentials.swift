import Essentials

/// An access key pair, optionally with the session token of temporary
/// credentials (Lambda's execution role always has one).
///
/// `description` never shows the secret or the token: credentials end up in
/// string interpolations more often than anyone intends.
package struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    package var accessKeyID: String
    package var secretAccessKey: String
    package var sessionToken: String?

    package init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`
    /// (what Lambda sets for the execution role), or `nil` without a key pair.
    package init?(environment: Environment) {
        guard let key = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"] else { return nil }
        self.init(accessKeyID: key, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"])
    }

    package var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>, sessionToken: \(sessionToken == nil ? "none" : "<redacted>"))"
    }

    package var debugDescription: String { description }

    /// Removes the secret and the token from `text`, should a server ever
    /// echo them back (a defensive measure for error messages).
    package func redacting(_ text: String) -> String {
        var result = text
        for secret in [secretAccessKey, sessionToken ?? ""] where secret.count >= 8 {
            result = result.replacing(secret, with: "<redacted>")
        }
        return result
    }
}
