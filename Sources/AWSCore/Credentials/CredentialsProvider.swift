import Essentials

/// Supplies credentials for each call. Asked once per logical call (not per
/// retry), so a provider that refreshes can do so between calls.
package protocol CredentialsProvider: Sendable {
    func credentials() throws(AWSError) -> AWSCredentials
}

/// Fixed credentials, for tests and for callers that resolved them already.
package struct StaticCredentialsProvider: CredentialsProvider {
    package let value: AWSCredentials

    package init(_ value: AWSCredentials) { self.value = value }

    package func credentials() throws(AWSError) -> AWSCredentials { value }
}

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and
/// `AWS_SESSION_TOKEN` — what Lambda sets for the execution role.
///
/// The environment is read when the provider is made: Lambda fixes it for
/// the life of the execution environment.
package struct EnvironmentCredentialsProvider: CredentialsProvider {
    private let resolved: AWSCredentials?

    package init(environment: Environment = .process) {
        resolved = AWSCredentials(environment: environment)
    }

    package func credentials() throws(AWSError) -> AWSCredentials {
        guard let resolved else { throw .missingCredentials }
        return resolved
    }
}
