import AWSCore
import DynamoDB
import Foundation

extension MotoServer {
    /// A DynamoDB client signed with the allowed user's key (or `credentials`),
    /// pointed at this moto or at `endpoint` (a fault-injecting proxy in front of it).
    package func dynamoDBClient(
        credentials: AWSCredentials? = nil,
        endpoint: String? = nil,
        dependencies: AWSClientDependencies = AWSClientDependencies(retryQuota: RetryQuota())
    ) throws -> DynamoDBClient {
        try DynamoDBClient(
            region: region,
            endpoint: AWSEndpoint(url: endpoint ?? self.endpoint),
            credentialsProvider: StaticCredentialsProvider(credentials ?? self.credentials),
            dependencies: dependencies
        )
    }

    /// A table name no other test uses.
    package static func uniqueTableName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(12).lowercased())"
    }
}
