import AWSCore
import CurlHTTP
import Essentials
import Foundation
import HTTPTypes
import Testing

/// One botocore-generated case from `Fixtures/sigv4-vectors.json`
/// (`scripts/generate_sigv4_vectors.py`).
struct SigV4Vector: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var method: String
    var host: String
    var path: String
    var query: [[String]]
    var headers: [[String]]
    var body: String
    var service: String
    var region: String
    var accessKeyID: String
    var secretAccessKey: String
    var sessionToken: String?
    var epochSeconds: Int64
    var amzDate: String
    var canonicalRequest: String
    var stringToSign: String
    var signature: String
    var authorization: String

    enum CodingKeys: String, CodingKey {
        case name, method, host, path, query, headers, body, service, region
        case accessKeyID = "access_key_id"
        case secretAccessKey = "secret_access_key"
        case sessionToken = "session_token"
        case epochSeconds = "epoch_seconds"
        case amzDate = "amz_date"
        case canonicalRequest = "canonical_request"
        case stringToSign = "string_to_sign"
        case signature, authorization
    }

    var testDescription: String { name }

    struct Document: Decodable {
        var vectors: [SigV4Vector]
        enum CodingKeys: String, CodingKey { case vectors }
    }

    static let all: [SigV4Vector] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sigv4-vectors.json")
        do {
            return try JSONDecoder().decode(Document.self, from: Data(contentsOf: url)).vectors
        } catch {
            Issue.record("cannot read \(url.path): \(error)")
            return []
        }
    }()

    func signed() -> SigV4Signature {
        let request = SigV4Request(
            method: method,
            host: host,
            path: path,
            query: query.map { (name: $0[0], value: $0[1]) },
            headers: HTTPHeaders(headers.map { ($0[0], $0[1]) }),
            body: Data(body.utf8)
        )
        let credentials = AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken)
        return SigV4Signer(service: service, region: region).sign(request, credentials: credentials, epochSeconds: epochSeconds)
    }
}

@Suite("SigV4 golden vectors from botocore")
struct SigV4VectorTests {
    @Test("the fixture holds the two AWS-documented vectors and at least 12 more")
    func fixtureSize() {
        let names = Set(SigV4Vector.all.map(\.name))
        #expect(names.contains("get-vanilla") && names.contains("dynamodb-getitem"))
        #expect(SigV4Vector.all.count >= 14)
    }

    @Test("the AWS-documented values are what botocore produced")
    func referenceValues() throws {
        let vanilla = try #require(SigV4Vector.all.first { $0.name == "get-vanilla" })
        #expect(vanilla.signature == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
        #expect(SHA256.hexDigest(vanilla.canonicalRequest.utf8) == "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63")
        let getItem = try #require(SigV4Vector.all.first { $0.name == "dynamodb-getitem" })
        #expect(getItem.signature == "316bf798f062fc061a7bca7f5ea9e3fa00a9d5b6706ff1103f7730638381a493")
        #expect(getItem.canonicalRequest.hasSuffix("9270ec0673f8993d74fe32bda1ab9aaf05cc1baa67ef3025cc270f5c63f43066"))
    }

    @Test("canonical request, string to sign, signature and Authorization match", arguments: SigV4Vector.all)
    func vector(_ vector: SigV4Vector) {
        let signature = vector.signed()
        #expect(signature.canonicalRequest == vector.canonicalRequest)
        #expect(signature.stringToSign == vector.stringToSign)
        #expect(signature.signature == vector.signature)
        #expect(signature.authorization == vector.authorization)
        #expect(signature.headers["X-Amz-Date"] == vector.amzDate)
        #expect(signature.headers["X-Amz-Security-Token"] == vector.sessionToken)
    }
}
