import AWSCore
import Essentials
import Foundation

/// Creates the IAM users and keys the moto-backed tests sign with, through
/// IAM's Query API (form-encoded POST, XML answers), using our own client.
struct IAMSetup {
    let endpoint: String

    static let iam = AWSServiceDescription(
        signingName: "iam",
        endpointIdentifier: "IAM",
        hostPrefix: "iam",
        retry: .none
    )

    /// A user allowed `dynamodb:*` and `secretsmanager:*`, and a user with no policy.
    func createUsers() throws(MotoServerError) -> (allowed: AWSCredentials, denied: AWSCredentials) {
        let client: AWSClient
        do {
            client = AWSClient(
                service: Self.iam,
                region: "us-east-1",
                endpoint: try AWSEndpoint(url: endpoint),
                // Any key works while moto still allows unauthenticated actions;
                // the signature only routes the request to IAM.
                credentialsProvider: StaticCredentialsProvider(AWSCredentials(accessKeyID: "AKIASETUP", secretAccessKey: "setup-secret")),
                dependencies: AWSClientDependencies(retryQuota: RetryQuota())
            )
        } catch {
            throw .setupFailed("bad endpoint \(endpoint): \(error)")
        }
        let suffix = UUID().uuidString.prefix(8)
        let allowedUser = "coaching-tests-\(suffix)"
        let deniedUser = "coaching-denied-\(suffix)"
        _ = try call(client, ["Action": "CreateUser", "UserName": allowedUser])
        let allowed = try accessKey(try call(client, ["Action": "CreateAccessKey", "UserName": allowedUser]))
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:*","secretsmanager:*"],"Resource":"*"}]}"#
        _ = try call(client, ["Action": "PutUserPolicy", "UserName": allowedUser, "PolicyName": "dynamodb-and-secrets", "PolicyDocument": policy])
        _ = try call(client, ["Action": "CreateUser", "UserName": deniedUser])
        let denied = try accessKey(try call(client, ["Action": "CreateAccessKey", "UserName": deniedUser]))
        return (allowed, denied)
    }

    private func call(_ client: AWSClient, _ parameters: [String: String]) throws(MotoServerError) -> String {
        var fields = parameters
        fields["Version"] = "2010-05-08"
        let body = fields.sorted { $0.key < $1.key }
            .map { "\(PercentEncoding.encode($0.key))=\(PercentEncoding.encode($0.value))" }
            .joined(separator: "&")
        let request = AWSRequest(
            operation: parameters["Action"] ?? "IAM",
            headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
            body: Data(body.utf8)
        )
        do {
            return String(decoding: try client.send(request).body, as: UTF8.self)
        } catch {
            throw .setupFailed("\(parameters["Action"] ?? "?"): \(error)")
        }
    }

    private func accessKey(_ xml: String) throws(MotoServerError) -> AWSCredentials {
        guard let key = element("AccessKeyId", in: xml), let secret = element("SecretAccessKey", in: xml) else {
            throw .setupFailed("CreateAccessKey answer had no key")
        }
        return AWSCredentials(accessKeyID: key, secretAccessKey: secret)
    }

    private func element(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex) else {
            return nil
        }
        return String(xml[open.upperBound..<close.lowerBound])
    }
}
