import AWSCore
import Essentials
import FoundationEssentials

/// Reads one secret's `SecretString` from AWS Secrets Manager at start-up
/// (`JWT_SECRET_ARN`), over the same signed client as the other AWS calls.
enum SecretsManagerSecret {
    static let service = AWSServiceDescription(signingName: "secretsmanager", endpointIdentifier: "SECRETS_MANAGER", hostPrefix: "secretsmanager")

    private struct Request: Encodable {
        var secretID: String
        enum CodingKeys: String, CodingKey { case secretID = "SecretId" }
    }

    private struct Response: Decodable {
        var secretString: String?
        enum CodingKeys: String, CodingKey { case secretString = "SecretString" }
    }

    static func fetch(arn: String, environment: Environment, deadline: Deadline) throws(ConfigurationError) -> String {
        var environment = environment
        // The secret's own region wins (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME).
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count > 3, !parts[3].isEmpty { environment.values["AWS_REGION"] = String(parts[3]) }
        do {
            let client = try AWSClient.fromEnvironment(service: service, environment: environment)
            let body = try JSONEncoder().encode(Request(secretID: arn))
            let response = try client.send(AWSRequest(
                operation: "GetSecretValue",
                headers: ["Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "secretsmanager.GetSecretValue"],
                body: body
            ), deadline: deadline)
            guard let secret = try JSONDecoder().decode(Response.self, from: response.body).secretString, secret.utf8.count >= 32 else {
                throw ConfigurationError(variable: "JWT_SECRET_ARN", reason: "the secret has no SecretString of at least 32 bytes")
            }
            return secret
        } catch let error as ConfigurationError {
            throw error
        } catch let error as AWSError {
            throw ConfigurationError(variable: "JWT_SECRET_ARN", reason: "the secret could not be read (\(error.code))")
        } catch {
            throw ConfigurationError(variable: "JWT_SECRET_ARN", reason: "the secret could not be read")
        }
    }
}
