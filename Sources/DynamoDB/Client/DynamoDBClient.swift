import AWSCore
import Essentials
import FoundationEssentials

/// A typed DynamoDB client over the JSON 1.0 protocol.
///
/// Safe to share across threads: it holds only immutable state, a
/// thread-safe connection pool and the shared retry quota.
package final class DynamoDBClient: Sendable {
    package let aws: AWSClient

    package init(aws: AWSClient) {
        self.aws = aws
    }

    /// A client for `endpoint` (or the public endpoint of `region`).
    package convenience init(
        region: String,
        endpoint: AWSEndpoint? = nil,
        credentialsProvider: any CredentialsProvider,
        dependencies: AWSClientDependencies = AWSClientDependencies()
    ) throws(DynamoDBError) {
        var resolved: AWSEndpoint
        if let endpoint {
            resolved = endpoint
        } else {
            do { resolved = try AWSEndpoint.resolve(for: .dynamoDB, region: region, environment: [:]) } catch { throw DynamoDBError(error) }
        }
        self.init(aws: AWSClient(
            service: .dynamoDB,
            region: region,
            endpoint: resolved,
            credentialsProvider: credentialsProvider,
            classifier: DynamoDBRetryClassifier(),
            dependencies: dependencies
        ))
    }

    /// Region, endpoint (`AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL`)
    /// and credentials from the environment.
    package static func fromEnvironment(
        _ environment: Environment = .process,
        dependencies: AWSClientDependencies = AWSClientDependencies()
    ) throws(DynamoDBError) -> DynamoDBClient {
        do {
            return DynamoDBClient(aws: try AWSClient.fromEnvironment(
                service: .dynamoDB,
                environment: environment,
                classifier: DynamoDBRetryClassifier(),
                dependencies: dependencies
            ))
        } catch {
            throw DynamoDBError(error)
        }
    }

    /// The same client reporting each call to `observer` (count round trips per request).
    package func withObserver(_ observer: (any AWSCallObserver)?) -> DynamoDBClient {
        DynamoDBClient(aws: aws.withObserver(observer))
    }

    /// Sends one operation: JSON body, `X-Amz-Target`, typed answer.
    func invoke<Request: Encodable, Response: Decodable>(
        _ operation: String,
        _ request: Request,
        as responseType: Response.Type,
        deadline: Deadline
    ) throws(DynamoDBError) -> Response {
        let body: Data
        do {
            body = try Self.jsonEncoder.encode(request)
        } catch {
            throw .invalidRequest("the \(operation) request cannot be encoded")
        }
        let response: AWSResponse
        do {
            response = try aws.send(
                AWSRequest(
                    operation: operation,
                    headers: ["Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.\(operation)"],
                    body: body
                ),
                deadline: deadline
            )
        } catch {
            throw DynamoDBError(error)
        }
        do {
            return try JSONDecoder().decode(responseType, from: response.body)
        } catch {
            throw .invalidResponse(operation: operation, requestID: response.requestID)
        }
    }

    private static var jsonEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// A response whose body the caller does not need (`{}`).
struct EmptyResponse: Decodable {
    enum CodingKeys: CodingKey {}
}
