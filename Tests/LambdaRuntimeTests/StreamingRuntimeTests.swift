import Foundation
import LambdaRuntime
import LocalRuntime
import Testing
import TestSupport

/// Response streaming through the real loop, libcurl and the mock Runtime
/// API over loopback HTTP. Serialized like ``RuntimeLoopTests`` (the loop
/// exports `_X_AMZN_TRACE_ID`, which is process-wide).
@Suite(.serialized) struct StreamingRuntimeTests {
    private struct Refusal: LambdaFunctionError {
        var errorType: String { "ValidationFailed" }
        var errorMessage: String { "message must not be blank" }
    }

    private func run(
        _ api: MockRuntimeAPI,
        maxResponseBytes: Int = ResponseStream.maxResponseBytes,
        _ body: @escaping (Data, LambdaContext, ResponseStream) throws -> Void
    ) throws {
        let address = try api.start()
        let loop = RuntimeLoop(
            client: try RuntimeAPIClient(endpoint: try RuntimeAPIEndpoint(address)),
            streamingHandler: ClosureStreamingHandler(body),
            function: FunctionMetadata(),
            logger: Logger(service: "test", sink: CapturingLogSink()),
            maxResponseBytes: maxResponseBytes
        )
        #expect(loop.run() == .runtimeAPIStatus(500))
    }

    private func streamed(_ api: MockRuntimeAPI, _ requestID: String) throws -> StreamedResponse {
        let outcome = try #require(api.outcome(for: requestID))
        return try #require(outcome.streamedResponse, "expected a streamed response, got \(outcome)")
    }

    @Test func chunksReachTheRuntimeAPIWhileTheHandlerIsStillWriting() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "s1", json: "{}")])
        defer { api.stop() }
        let handlerTimes = ThreadSafeBox<(start: UInt64, end: UInt64)>((0, 0))
        try run(api) { _, _, stream in
            let start = MonotonicClock.nanoseconds()
            try stream.writeHTTPPrelude(HTTPIntegrationPrelude(
                statusCode: 201, headers: ["Content-Type": "text/event-stream"], cookies: ["a=b; Secure"]
            ))
            for word in ["Hello", " streamed", " world"] {
                try stream.write(word)
                usleep(250_000)
            }
            handlerTimes.value = (start, MonotonicClock.nanoseconds())
        }
        let response = try streamed(api, "s1")
        #expect(response.contentType == ResponseStream.httpIntegrationContentType)
        let prelude = try JSONDecoder().decode(HTTPIntegrationPrelude.self, from: try #require(response.prelude))
        #expect(prelude == HTTPIntegrationPrelude(statusCode: 201, headers: ["Content-Type": "text/event-stream"], cookies: ["a=b; Secure"]))
        #expect(String(decoding: response.body, as: UTF8.self) == "Hello streamed world")
        #expect(response.errorType == nil && response.errorBody == nil)

        // Each write went out on its own: the first chunks arrived long before the handler returned.
        let (start, end) = handlerTimes.value
        #expect(response.chunks.count >= 3)
        let bodyStart = (response.prelude?.count ?? 0) + HTTPIntegrationPrelude.separator.count
        let firstBody = try #require(response.chunks.first { $0.offset + $0.byteCount > bodyStart })
        #expect(firstBody.receivedAtNanoseconds < end - 600_000_000, "the first body chunk arrived \(Double(end - firstBody.receivedAtNanoseconds) / 1e6) ms before the end")
        let arrivals = response.chunks.map { "+\(Double($0.receivedAtNanoseconds - start) / 1e6) ms: \($0.byteCount) B" }
        print("chunk arrivals after the handler started (handler returned at +\(Double(end - start) / 1e6) ms): \(arrivals)")

        let post = try #require(api.requests.first { $0.path.hasSuffix("/s1/response") })
        let headers = Dictionary(post.headers.map { ($0.0.lowercased(), $0.1) }, uniquingKeysWith: { first, _ in first })
        #expect(headers["lambda-runtime-function-response-mode"] == "streaming")
        #expect(headers["transfer-encoding"] == "chunked")
        #expect(headers["content-length"] == nil)
    }

    @Test func anErrorAfterTheFirstByteEndsTheStreamWithTrailersAndTheLoopGoesOn() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "broken", json: "{}"), MockInvocation(requestID: "fine", json: "{}")])
        defer { api.stop() }
        try run(api) { _, context, stream in
            try stream.write("partial reply")
            if context.requestID == "broken" { throw Refusal() }
        }
        let broken = try streamed(api, "broken")
        #expect(String(decoding: broken.body, as: UTF8.self) == "partial reply")
        #expect(broken.errorType == "Function.ValidationFailed")
        let report = try #require(broken.errorBody)
        #expect(String(decoding: report, as: UTF8.self) == #"{"errorMessage":"message must not be blank","errorType":"ValidationFailed","stackTrace":[]}"#)
        let fine = try streamed(api, "fine")
        #expect(String(decoding: fine.body, as: UTF8.self) == "partial reply")
        #expect(fine.errorType == nil)
        #expect(fine.trailers["lambda-runtime-function-error-body"] == nil)
    }

    @Test func anErrorBeforeTheFirstByteIsPostedAsAPlainError() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "early", json: "{}")])
        defer { api.stop() }
        try run(api) { _, _, _ in throw Refusal() }
        #expect(api.outcome(for: "early") == .error(
            type: "Function.ValidationFailed",
            body: Data(#"{"errorMessage":"message must not be blank","errorType":"ValidationFailed","stackTrace":[]}"#.utf8)
        ))
        #expect(!api.requests.contains { $0.path.hasSuffix("/early/response") })
    }

    @Test func aHandlerThatWritesNothingAnswersAnEmptyStream() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "quiet", json: "{}")])
        defer { api.stop() }
        try run(api) { _, _, stream in try stream.setContentType("text/plain") }
        let response = try streamed(api, "quiet")
        #expect(response.body.isEmpty)
        #expect(response.contentType == "text/plain")
        #expect(response.errorType == nil)
    }

    @Test func metadataAfterTheFirstByteIsRefused() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "late", json: "{}")])
        defer { api.stop() }
        let refusals = ThreadSafeBox<[ResponseStreamError]>([])
        try run(api) { _, _, stream in
            try stream.write("x")
            do throws(ResponseStreamError) { try stream.setContentType("text/plain") } catch { refusals.value.append(error) }
            do throws(ResponseStreamError) { try stream.writeHTTPPrelude(HTTPIntegrationPrelude(statusCode: 200)) } catch { refusals.value.append(error) }
        }
        #expect(refusals.value == [.alreadyStarted, .alreadyStarted])
        #expect(try streamed(api, "late").body == Data("x".utf8))
    }

    @Test func aLargeStreamArrivesIntactThroughTheBoundedQueue() throws {
        let api = MockRuntimeAPI(events: [MockInvocation(requestID: "big", json: "{}")])
        defer { api.stop() }
        // Pieces of odd sizes, 9 MB in all: more than the queue holds, and than a buffered response may be.
        var expected = Data()
        var pieces: [Data] = []
        var random = SeededRandom(seed: 15)
        while expected.count < 9 * 1024 * 1024 {
            let piece = Data((0..<Int(random.next() % 200_000 + 1)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            pieces.append(piece)
            expected.append(piece)
        }
        try run(api) { _, _, stream in
            for piece in pieces { try stream.write(piece) }
        }
        let response = try streamed(api, "big")
        #expect(response.body.count == expected.count)
        #expect(response.body == expected)
        #expect(response.chunks.reduce(0) { $0 + $1.byteCount } == expected.count)
    }

    @Test func theStreamingLimitEndsTheStreamAsTooLargeWhateverTheHandlerDoes() throws {
        let api = MockRuntimeAPI(events: [
            MockInvocation(requestID: "swallowed", json: "{}"),
            MockInvocation(requestID: "first-write", json: "{}"),
        ])
        defer { api.stop() }
        let refusals = ThreadSafeBox<[ResponseStreamError]>([])
        try run(api, maxResponseBytes: 1_000) { _, context, stream in
            if context.requestID == "first-write" {
                try stream.write(Data(count: 1_001))
                return
            }
            try stream.write(Data(repeating: 0x61, count: 600))
            do throws(ResponseStreamError) { try stream.write(Data(repeating: 0x62, count: 401)) } catch { refusals.value.append(error) }
            // Exactly up to the limit is fine.
            try stream.write(Data(repeating: 0x63, count: 400))
        }
        #expect(refusals.value == [.tooLarge(limit: 1_000)])
        let swallowed = try streamed(api, "swallowed")
        #expect(swallowed.body == Data(repeating: 0x61, count: 600) + Data(repeating: 0x63, count: 400))
        #expect(swallowed.errorType == "Function.ResponseTooLarge")
        #expect(String(decoding: swallowed.errorBody ?? Data(), as: UTF8.self).contains(#""errorType":"ResponseTooLarge""#))
        guard case .error(let type, _) = api.outcome(for: "first-write") else {
            Issue.record("a first write over the limit must be a plain error: \(String(describing: api.outcome(for: "first-write")))")
            return
        }
        #expect(type == "Function.ResponseTooLarge")
    }

    @Test func theDefaultLimitIsLambdas200MB() {
        #expect(ResponseStream.maxResponseBytes == 200 * 1024 * 1024)
        #expect(MockRuntimeAPI.maxStreamedResponseBytes == ResponseStream.maxResponseBytes)
    }

    @Test func aStreamTheRuntimeAPIRefusesEndsTheHandlersWrites() throws {
        let api = MockRuntimeAPI(
            events: [MockInvocation(requestID: "refused", json: "{}"), MockInvocation(requestID: "next", json: "{}")],
            options: .init(maxStreamedResponseBytes: 1_000)
        )
        defer { api.stop() }
        try run(api) { _, context, stream in
            try stream.write(Data(count: context.requestID == "refused" ? 2_000 : 10))
        }
        #expect(api.outcome(for: "refused") == .tooLarge(bytes: 2_000))
        #expect(try streamed(api, "next").body.count == 10)
    }
}
