import AWSCore
import Foundation

extension MotoServer {
    static let secretsManager = AWSServiceDescription(
        signingName: "secretsmanager", endpointIdentifier: "SECRETS_MANAGER", hostPrefix: "secretsmanager", retry: .none
    )

    /// Creates a secret holding `secretString` in this moto (signed with the
    /// allowed user's key) and returns its ARN.
    package func createSecret(name: String, secretString: String) throws -> String {
        struct Request: Encodable {
            var name: String
            var secretString: String
            enum CodingKeys: String, CodingKey { case name = "Name", secretString = "SecretString" }
        }
        struct Response: Decodable {
            var arn: String
            enum CodingKeys: String, CodingKey { case arn = "ARN" }
        }
        let client = AWSClient(
            service: Self.secretsManager, region: region, endpoint: try AWSEndpoint(url: endpoint),
            credentialsProvider: StaticCredentialsProvider(credentials),
            dependencies: AWSClientDependencies(retryQuota: RetryQuota())
        )
        let response = try client.send(AWSRequest(
            operation: "CreateSecret",
            headers: ["Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "secretsmanager.CreateSecret"],
            body: try JSONEncoder().encode(Request(name: name, secretString: secretString))
        ))
        return try JSONDecoder().decode(Response.self, from: response.body).arn
    }

    /// A secret ARN in this moto's account and region that no secret has.
    package func missingSecretARN() -> String {
        "arn:aws:secretsmanager:\(region):123456789012:secret:coaching-missing-\(UUID().uuidString.prefix(8))-AbCdEf"
    }

    /// ``environment`` with Secrets Manager pointed at this moto too.
    package var environmentWithSecretsManager: [String: String] {
        var values = environment
        values["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = endpoint
        return values
    }
}
