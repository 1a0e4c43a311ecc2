import AWSCore
import Essentials
import FoundationEssentials

/// Reads one secret's `SecretString` from AWS Secrets Manager at start-up
/// (`JWT_SECRET_ARN`, `OPENAI_API_KEY_ARN`), over the same signed client as the
/// other AWS calls. The `SecretString` is the value itself, or a JSON object
/// whose `secret` member is (the form the Python service's template generated).
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

    private struct JSONForm: Decodable {
        var secret: String
        enum CodingKeys: String, CodingKey { case secret }
    }

    /// The secret named by `arn`, at least `minimumBytes` long; errors name `variable`.
    static func fetch(
        arn: String, variable: String = "JWT_SECRET_ARN", minimumBytes: Int = 32, environment: Environment, deadline: Deadline
    ) throws(ConfigurationError) -> String {
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
            guard let secretString = try JSONDecoder().decode(Response.self, from: response.body).secretString else {
                throw ConfigurationError(variable: variable, reason: "the secret has no SecretString (binary secrets are not supported)")
            }
            let secret = try value(of: secretString, variable: variable)
            guard secret.utf8.count >= minimumBytes else {
                throw ConfigurationError(variable: variable, reason: "the secret is shorter than \(minimumBytes) bytes")
            }
            return secret
        } catch let error as ConfigurationError {
            throw error
        } catch let error as AWSError {
            throw ConfigurationError(variable: variable, reason: "the secret could not be read (\(error.code))")
        } catch {
            throw ConfigurationError(variable: variable, reason: "the secret could not be read")
        }
    }

    /// The value a `SecretString` holds: a JSON object's `secret` member, or
    /// the whole string when it is not a JSON object.
    static func value(of secretString: String, variable: String) throws(ConfigurationError) -> String {
        guard secretString.first(where: { !$0.isWhitespace }) == "{" else { return secretString }
        do {
            return try JSONDecoder().decode(JSONForm.self, from: Data(secretString.utf8)).secret
        } catch {
            throw ConfigurationError(variable: variable, reason: #"the SecretString is a JSON object without a "secret" string"#)
        }
    }
}
