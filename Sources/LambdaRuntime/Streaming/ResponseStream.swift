import Essentials
import FoundationEssentials

/// Where a ``StreamingLambdaHandler`` writes its response; the runtime sends
/// each write to the Runtime API as a chunk while the handler goes on.
///
/// Writes block while more than ``highWaterBytes`` are waiting to be sent,
/// so a fast producer cannot fill memory. Only the handler's thread writes.
package final class ResponseStream: @unchecked Sendable {
    /// Lambda's limit on one streamed response: 200 MB.
    package static let maxResponseBytes = 200 * 1024 * 1024
    /// The content type of a response that starts with an ``HTTPIntegrationPrelude``.
    package static let httpIntegrationContentType = "application/vnd.awslambda.http-integration-response"
    static let highWaterBytes = 1024 * 1024

    /// How the handler ended, once it has.
    enum Ending: Equatable {
        case success
        case failure(ErrorReport)
    }

    private let lock = ConditionLock()
    private let limit: Int
    private var contentTypeValue = "application/octet-stream"
    private var started = false
    private var ending: Ending?
    private var abandoned = false
    private var overflowed = false
    private var pending: [Data] = []
    private var pendingOffset = 0
    private var pendingBytes = 0
    private var written = 0

    init(limit: Int = ResponseStream.maxResponseBytes) {
        self.limit = max(0, limit)
    }

    /// Bytes accepted so far, prelude included.
    package var bytesWritten: Int { lock.withLock { written } }

    /// The content type the response is posted with; settable until the first write.
    package var contentType: String { lock.withLock { contentTypeValue } }

    package func setContentType(_ value: String) throws(ResponseStreamError) {
        try lock.withLock { () throws(ResponseStreamError) in
            guard !started else { throw .alreadyStarted }
            contentTypeValue = value
        }
    }

    /// Starts an HTTP answer: the prelude, its separator, and the content type
    /// ``httpIntegrationContentType``. Must come before any other write.
    package func writeHTTPPrelude(_ prelude: HTTPIntegrationPrelude) throws(ResponseStreamError) {
        guard let bytes = try? prelude.encodedWithSeparator() else { throw .invalidPrelude }
        try append(bytes, contentType: Self.httpIntegrationContentType)
    }

    /// Queues `bytes` to be sent; returns once they are queued (blocking while
    /// the queue is over ``highWaterBytes``).
    package func write(_ bytes: Data) throws(ResponseStreamError) {
        try append(bytes, contentType: nil)
    }

    package func write(_ text: String) throws(ResponseStreamError) {
        try write(Data(text.utf8))
    }

    private func append(_ bytes: Data, contentType: String?) throws(ResponseStreamError) {
        try lock.withLock { () throws(ResponseStreamError) in
            guard !abandoned else { throw .closed }
            guard ending == nil else { throw .finished }
            if let contentType {
                guard !started else { throw .alreadyStarted }
                contentTypeValue = contentType
            }
            guard !bytes.isEmpty else { return }
            // Compared with what is left: `written` never exceeds `limit`, so this cannot overflow.
            guard bytes.count <= limit - written else {
                overflowed = true
                throw .tooLarge(limit: limit)
            }
            written += bytes.count
            pending.append(bytes)
            pendingBytes += bytes.count
            started = true
            lock.broadcast()
            _ = lock.wait(until: { pendingBytes <= Self.highWaterBytes || abandoned }, timeoutSeconds: nil)
        }
    }

    // MARK: The runtime's side

    /// Records how the handler ended. A stream that overflowed always ends as
    /// too large, whatever the handler did with the refusal.
    func finish(_ outcome: Ending) {
        lock.withLock {
            guard ending == nil else { return }
            ending = overflowed ? .failure(ErrorReport(ResponseStreamError.tooLarge(limit: limit))) : outcome
            // A handler that succeeds without writing still answers: an empty stream.
            if ending == .success { started = true }
            lock.broadcast()
        }
    }

    /// Waits until the first byte is written or the handler has ended.
    /// Returns `nil` once the stream has started, or the failure of a handler
    /// that ended before writing anything (to be posted as a plain error).
    func waitForStart() -> ErrorReport? {
        lock.withLock {
            _ = lock.wait(until: { started || ending != nil }, timeoutSeconds: nil)
            if !started, case .failure(let report) = ending { return report }
            return nil
        }
    }

    /// The POST is over: later writes fail with ``ResponseStreamError/closed``.
    func abandon() {
        lock.withLock {
            abandoned = true
            pending.removeAll()
            pendingBytes = 0
            lock.broadcast()
        }
    }

    /// Copies queued bytes into `buffer`, waiting for some; 0 once the
    /// handler has ended and everything was sent.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        lock.withLock {
            _ = lock.wait(until: { pendingBytes > 0 || ending != nil || abandoned }, timeoutSeconds: nil)
            var copied = 0
            while copied < buffer.count, let first = pending.first {
                let available = first.count - pendingOffset
                let count = min(available, buffer.count - copied)
                first.withUnsafeBytes { source in
                    let start = source.baseAddress.map { $0 + pendingOffset }
                    UnsafeMutableRawBufferPointer(rebasing: buffer[copied..<(copied + count)])
                        .copyMemory(from: UnsafeRawBufferPointer(start: start, count: count))
                }
                copied += count
                pendingOffset += count
                if pendingOffset == first.count {
                    pending.removeFirst()
                    pendingOffset = 0
                }
            }
            pendingBytes -= copied
            lock.broadcast()
            return copied
        }
    }

    /// The error the stream ended with, once it has ended after starting.
    var failure: ErrorReport? {
        lock.withLock {
            if case .failure(let report) = ending { return report }
            return nil
        }
    }
}
