import AWSCore
import Essentials
import Testing

@Suite("Credentials, region and endpoint resolution")
struct ConfigurationTests {
    @Test("credentials come from the standard variables, with the session token")
    func environmentCredentials() throws {
        let provider = EnvironmentCredentialsProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKIA1", "AWS_SECRET_ACCESS_KEY": "secret-value-123", "AWS_SESSION_TOKEN": "token-value-456",
        ])
        let credentials = try provider.credentials()
        #expect(credentials == AWSCredentials(accessKeyID: "AKIA1", secretAccessKey: "secret-value-123", sessionToken: "token-value-456"))
    }

    @Test("missing credentials are a typed error")
    func missingCredentials() {
        #expect(throws: AWSError.missingCredentials) {
            try EnvironmentCredentialsProvider(environment: ["AWS_ACCESS_KEY_ID": "AKIA1"]).credentials()
        }
    }

    @Test("printing credentials never shows the secret or the token")
    func redactedDescription() {
        let credentials = AWSCredentials(accessKeyID: "AKIA1", secretAccessKey: "secret-value-123", sessionToken: "token-value-456")
        for text in [credentials.description, "\(credentials)", String(reflecting: credentials)] {
            #expect(!text.contains("secret-value-123"))
            #expect(!text.contains("token-value-456"))
            #expect(text.contains("AKIA1"))
        }
        #expect(credentials.redacting("echo secret-value-123 and token-value-456") == "echo <redacted> and <redacted>")
    }

    @Test("region: AWS_REGION, then AWS_DEFAULT_REGION")
    func region() {
        #expect(Environment(["AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "us-east-1"]).region == "eu-west-1")
        #expect(Environment(["AWS_DEFAULT_REGION": "us-east-1"]).region == "us-east-1")
        #expect(Environment(["AWS_REGION": ""]).region == nil)
    }

    @Test("endpoint: service override, then global override, then the public endpoint")
    func endpointPrecedence() throws {
        let both: Environment = ["AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:8000", "AWS_ENDPOINT_URL": "http://localhost:4566"]
        #expect(try AWSEndpoint.resolve(for: .dynamoDB, region: "us-east-1", environment: both).description == "http://127.0.0.1:8000")
        #expect(try AWSEndpoint.resolve(for: .bedrockRuntime, region: "us-east-1", environment: both).description == "http://localhost:4566")
        #expect(try AWSEndpoint.resolve(for: .bedrockRuntime, region: "us-east-1", environment: ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME": "http://x:1"]).description == "http://x:1")
        #expect(try AWSEndpoint.resolve(for: .dynamoDB, region: "eu-west-1", environment: [:]).description == "https://dynamodb.eu-west-1.amazonaws.com")
        #expect(try AWSEndpoint.resolve(for: .bedrockRuntime, region: "us-west-2", environment: [:]).description == "https://bedrock-runtime.us-west-2.amazonaws.com")
    }

    @Test("endpoint URLs: ports, default ports, IPv6, prefixes, and bad ones")
    func endpointParsing() throws {
        #expect(try AWSEndpoint(url: "https://example.com:443").hostHeader == "example.com")
        #expect(try AWSEndpoint(url: "http://example.com:80/").hostHeader == "example.com")
        #expect(try AWSEndpoint(url: "http://Example.com:8080").hostHeader == "example.com:8080")
        let ipv6 = try AWSEndpoint(url: "http://[::1]:9000/prefix")
        #expect(ipv6.hostHeader == "[::1]:9000")
        #expect(ipv6.url(path: "/a", query: "b=1") == "http://[::1]:9000/prefix/a?b=1")
        for bad in ["example.com", "ftp://x", "http://:80", "http://x:port", "http://user@x"] {
            #expect(throws: AWSError.self) { try AWSEndpoint(url: bad) }
        }
        #expect(throws: AWSError.self) { try AWSEndpoint.resolve(for: .dynamoDB, region: "bad/region", environment: [:]) }
    }

    @Test("a client from the environment needs a region")
    func clientNeedsRegion() {
        #expect(throws: AWSError.invalidConfiguration("AWS_REGION is not set")) {
            try AWSClient.fromEnvironment(service: .dynamoDB, environment: [:])
        }
    }

    @Test("deadlines: remaining time and reserve")
    func deadline() {
        let deadline = Deadline(epochMilliseconds: 10_000)
        #expect(deadline.remainingMilliseconds(at: 9_000) == 1_000)
        #expect(deadline.reserving(milliseconds: 500).remainingMilliseconds(at: 9_000) == 500)
        #expect(Deadline.none.remainingMilliseconds(at: 9_000) == nil)
    }
}
