import CurlHTTP
import Essentials
import FoundationEssentials
import HTTPTypes

/// Feeds a ``ResponseStream`` to libcurl, and posts it on a thread of its own
/// while the handler writes on the loop's thread.
final class ResponseStreamUpload: StreamingRequestBody, @unchecked Sendable {
    /// How the POST of a streamed response went.
    enum Outcome {
        /// The handler failed before writing anything: nothing was posted.
        case failedBeforeStart(ErrorReport)
        case posted(PostOutcome)
        case transportFailed(RuntimeAPIError)
    }

    private let stream: ResponseStream
    private let lock = ConditionLock()
    private var outcome: Outcome?

    private init(stream: ResponseStream) { self.stream = stream }

    /// Starts the POST for `requestID`; it waits for the first byte before sending anything.
    static func start(client: RuntimeAPIClient, requestID: String, stream: ResponseStream) -> ResponseStreamUpload {
        let upload = ResponseStreamUpload(stream: stream)
        let work = UncheckedBox(client)
        let started = startDetachedThread {
            let result: Outcome
            if let report = stream.waitForStart() {
                result = .failedBeforeStart(report)
            } else {
                do throws(RuntimeAPIError) {
                    result = .posted(try work.value.postStreamingResponse(requestID: requestID, contentType: stream.contentType, body: upload))
                } catch {
                    result = .transportFailed(error)
                }
            }
            stream.abandon()
            upload.lock.withLock {
                upload.outcome = result
                upload.lock.broadcast()
            }
        }
        if !started {
            // Without a thread nothing can be sent while the handler writes: its writes fail
            // at once and the invocation is reported on /error instead.
            stream.abandon()
            upload.outcome = .failedBeforeStart(ErrorReport(ResponseStreamError.closed))
        }
        return upload
    }

    /// Waits for the POST to end.
    func wait() -> Outcome {
        lock.withLock {
            _ = lock.wait(until: { outcome != nil }, timeoutSeconds: nil)
            return outcome ?? .transportFailed(.transport(.connectionLost))
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        stream.read(into: buffer)
    }

    func trailers() -> HTTPHeaders {
        guard let report = stream.failure else { return [:] }
        return [
            RuntimeAPIClient.errorTypeTrailer: report.headerValue(category: "Function"),
            RuntimeAPIClient.errorBodyTrailer: Data(report.json.utf8).base64EncodedString(),
        ]
    }
}

/// Hands a value that is used by one thread at a time to another thread.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
