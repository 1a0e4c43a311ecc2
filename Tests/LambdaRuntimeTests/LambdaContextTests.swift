import CurlHTTP
import Essentials
import HTTPTypes
import LambdaRuntime
import Testing
import TestSupport

@Suite struct LambdaContextTests {
    let logger = Logger(service: "test", sink: CapturingLogSink())

    private func makeContext(_ headers: HTTPHeaders, receivedAt: Int64 = 1_800_000_000_000) -> LambdaContext? {
        LambdaContext(headers: headers, receivedAtMilliseconds: receivedAt, function: FunctionMetadata(), isColdStart: false, logger: logger)
    }

    @Test func readsEveryHeaderCaseInsensitively() throws {
        let context = try #require(makeContext([
            "lambda-runtime-aws-request-id": "id-1",
            "LAMBDA-RUNTIME-DEADLINE-MS": "1800000005000",
            "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:eu-west-1:1:function:f",
            "Lambda-Runtime-Trace-Id": "Root=1-5",
            "Lambda-Runtime-Client-Context": "{\"c\":1}",
            "Lambda-Runtime-Cognito-Identity": "{\"i\":2}",
            "Lambda-Runtime-Aws-Tenant-Id": "t-1",
        ]))
        #expect(context.requestID == "id-1")
        #expect(context.deadlineMilliseconds == 1_800_000_005_000)
        #expect(context.remainingMilliseconds(now: 1_800_000_001_000) == 4_000)
        #expect(context.invokedFunctionARN == "arn:aws:lambda:eu-west-1:1:function:f")
        #expect(context.traceID == "Root=1-5")
        #expect(context.clientContext == "{\"c\":1}")
        #expect(context.cognitoIdentity == "{\"i\":2}")
        #expect(context.tenantID == "t-1")
    }

    @Test func withoutARequestIDThereIsNoContext() {
        #expect(makeContext(["Lambda-Runtime-Deadline-Ms": "1"]) == nil)
        #expect(makeContext(["Lambda-Runtime-Aws-Request-Id": ""]) == nil)
    }

    @Test(arguments: [
        (nil, 1_800_000_030_000),               // missing: default timeout
        ("garbage", 1_800_000_030_000),         // unreadable: default timeout
        ("-5", 1_800_000_030_000),              // nonsense: default timeout
        ("600000", 1_800_000_600_000),          // emulator duration: relative
        (" 1800000009000 ", 1_800_000_009_000), // epoch ms with spaces
    ] as [(String?, Int64)])
    func toleratesMissingAndOddDeadlines(header: String?, expected: Int64) throws {
        var headers: HTTPHeaders = ["Lambda-Runtime-Aws-Request-Id": "x"]
        if let header { headers.add(name: "Lambda-Runtime-Deadline-Ms", value: header) }
        #expect(try #require(makeContext(headers)).deadlineMilliseconds == expected)
    }

    @Test func functionMetadataComesFromTheEnvironment() {
        let metadata = FunctionMetadata(environment: [
            "AWS_LAMBDA_FUNCTION_NAME": "coaching",
            "AWS_LAMBDA_FUNCTION_VERSION": "7",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "512",
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/coaching",
            "AWS_LAMBDA_LOG_STREAM_NAME": "2026/11/21/[7]abc",
            "AWS_REGION": "eu-west-1",
            "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
        ])
        #expect(metadata == FunctionMetadata(
            functionName: "coaching", functionVersion: "7", memoryLimitMegabytes: 512,
            logGroupName: "/aws/lambda/coaching", logStreamName: "2026/11/21/[7]abc", region: "eu-west-1",
            initializationType: "on-demand"
        ))
        #expect(FunctionMetadata(environment: [:]) == FunctionMetadata())
    }

    @Test func theContextLoggerCarriesRequestAndTraceIDs() throws {
        let sink = CapturingLogSink()
        let context = LambdaContext(
            requestID: "r-9", deadlineMilliseconds: 0, traceID: "Root=1-x", isColdStart: true,
            logger: Logger(service: "svc", sink: sink)
        )
        context.logger.info("hello")
        let line = try #require(sink.lines.first)
        #expect(line.contains(#""requestId":"r-9""#))
        #expect(line.contains(#""traceId":"Root=1-x""#))
        #expect(line.contains(#""cold_start":true"#))
    }
}
