/// Supplies credentials for each call. Asked once per logical call (not per
/// retry), so a provider that refreshes can do so between calls.
public protocol CredentialsProvider: Sendable {
    func credentials() throws(AWSError) -> AWSCredentials
}

/// Fixed credentials, for tests and for callers that resolved them already.
public struct StaticCredentialsProvider: CredentialsProvider {
    public let value: AWSCredentials

    public init(_ value: AWSCredentials) { self.value = value }

    public func credentials() throws(AWSError) -> AWSCredentials { value }
}

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and
/// `AWS_SESSION_TOKEN` — what Lambda sets for the execution role.
///
/// The environment is read when the provider is made: Lambda fixes it for
/// the life of the execution environment.
public struct EnvironmentCredentialsProvider: CredentialsProvider {
    private let resolved: AWSCredentials?

    public init(environment: AWSEnvironment = .process) {
        if let key = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"] {
            resolved = AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"])
        } else {
            resolved = nil
        }
    }

    public func credentials() throws(AWSError) -> AWSCredentials {
        guard let resolved else { throw .missingCredentials }
        return resolved
    }
}
