import AWSCore
import CurlHTTP
import Foundation
import HTTPTypes
import Testing
import TestSupport

/// The generic client as the Bedrock Converse client will use it:
/// method + path segments + JSON body, errors in `x-amzn-ErrorType`.
@Suite("AWS client for a REST-JSON service")
struct RESTJSONClientTests {
    private func client(_ server: FaultInjectingServer, time: VirtualTime) throws -> AWSClient {
        AWSClient(
            service: .bedrockRuntime,
            region: "us-west-2",
            endpoint: try AWSEndpoint(url: try server.start()),
            credentialsProvider: StaticCredentialsProvider(AWSCredentials(accessKeyID: "AKIA", secretAccessKey: "secret")),
            dependencies: AWSClientDependencies(clock: time, sleeper: time, random: FixedRandom(0.5), retryQuota: RetryQuota())
        )
    }

    private let converse = AWSRequest(
        operation: "Converse",
        pathSegments: ["model", "us.anthropic.claude-haiku-4-5-20251001-v1:0", "converse"],
        query: [(name: "trace", value: "a b")],
        headers: ["Content-Type": "application/json"],
        body: Data(#"{"messages":[]}"#.utf8)
    )

    @Test("path segments are encoded once on the wire and the signature covers them")
    func pathAndSignature() throws {
        let server = FaultInjectingServer(script: [.respond(status: 200, headers: [], body: "{}")])
        let time = VirtualTime()
        _ = try client(server, time: time).send(converse)
        let request = try #require(server.attempts.first?.request)
        #expect(request.target == "/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse?trace=a%20b")
        let authorization = try #require(request.headers["Authorization"])
        #expect(authorization.contains("/us-west-2/bedrock/aws4_request"))

        var signed = HTTPHeaders()
        for field in request.headers where ["content-type"].contains(field.name.lowercased()) { signed.add(name: field.name, value: field.value) }
        let expected = SigV4Signer(service: "bedrock", region: "us-west-2").sign(
            SigV4Request(method: "POST", host: try #require(request.headers["Host"]), path: request.path, query: [(name: "trace", value: "a b")], headers: signed, body: request.body),
            credentials: AWSCredentials(accessKeyID: "AKIA", secretAccessKey: "secret"),
            epochSeconds: time.nowEpochMilliseconds() / 1_000
        )
        #expect(authorization == expected.authorization)
        #expect(expected.canonicalRequest.contains("/model/us.anthropic.claude-haiku-4-5-20251001-v1%253A0/converse\n"))
    }

    @Test("errors come from x-amzn-ErrorType; ModelTimeout-style 5xx retried, validation not")
    func errors() throws {
        let unavailable = FaultInjectingServer.Fault.respond(status: 503, headers: [("x-amzn-ErrorType", "ServiceUnavailableException:http://internal.amazon.com/")], body: #"{"message":"busy"}"#)
        let invalid = FaultInjectingServer.Fault.respond(status: 400, headers: [("x-amzn-ErrorType", "ValidationException")], body: #"{"message":"bad model"}"#)
        let server = FaultInjectingServer(script: [unavailable, invalid])
        let time = VirtualTime()
        #expect(throws: AWSError.service(AWSServiceError(code: "ValidationException", message: "bad model", statusCode: 400, body: Data(#"{"message":"bad model"}"#.utf8)))) {
            try client(server, time: time).send(converse)
        }
        #expect(server.attempts.count == 2)
        #expect(time.sleeps == [25], "standard mode: 50 ms transient base")
    }
}
