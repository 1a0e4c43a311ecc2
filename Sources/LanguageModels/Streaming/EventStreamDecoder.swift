import Essentials
import FoundationEssentials

/// Decodes `application/vnd.amazon.eventstream` incrementally: bytes go in
/// as they arrive, in pieces of any size, and whole messages come out, one
/// ``next()`` at a time (botocore's `EventStreamBuffer` works the same way).
///
/// A frame: total length (4 bytes, big-endian), headers length (4), CRC-32 of
/// those 8 bytes (4), headers, payload, CRC-32 of everything before it (4).
/// The limits and the order of checks follow botocore's `EventStreamBuffer`.
package struct EventStreamDecoder: Sendable {
    static let preludeLength = 12
    static let framingLength = 16
    package static let maxHeadersLength = 128 * 1024
    package static let maxPayloadLength = 24 * 1024 * 1024

    private var buffer = Data()
    /// The total length of the message being read, once its prelude is checked.
    private var expectedLength: Int?
    private var failed = false

    package init() {}

    /// Adds bytes as they arrive; take the messages they complete with ``next()``.
    package mutating func append(_ bytes: some Collection<UInt8>) {
        if !failed { buffer.append(contentsOf: bytes) }
    }

    /// The next complete message, or `nil` until more bytes arrive. After an
    /// error every call fails: the frame boundaries are lost.
    package mutating func next() throws(EventStreamError) -> EventStreamMessage? {
        guard !failed else { throw .truncated }
        do throws(EventStreamError) {
            return try nextMessage()
        } catch {
            failed = true
            buffer.removeAll()
            throw error
        }
    }

    /// Call at the end of the body: fails when it ended inside a message.
    package func finish() throws(EventStreamError) {
        guard buffer.isEmpty, !failed else { throw .truncated }
    }

    private mutating func nextMessage() throws(EventStreamError) -> EventStreamMessage? {
        if expectedLength == nil {
            guard buffer.count >= Self.preludeLength else { return nil }
            expectedLength = try Self.checkPrelude(buffer.prefix(Self.preludeLength))
        }
        guard let total = expectedLength, buffer.count >= total else { return nil }
        let frame = buffer.prefix(total)
        buffer = Data(buffer.dropFirst(total))
        expectedLength = nil
        return try Self.decode(frame: Data(frame))
    }

    /// Checks the prelude and returns the total length.
    private static func checkPrelude(_ prelude: Data) throws(EventStreamError) -> Int {
        let bytes = [UInt8](prelude)
        let total = Int(bigEndian32(bytes, at: 0))
        let headersLength = Int(bigEndian32(bytes, at: 4))
        guard CRC32.checksum(Data(bytes[0..<8])) == bigEndian32(bytes, at: 8) else { throw .preludeChecksumMismatch }
        guard headersLength <= maxHeadersLength else { throw .headersTooLong }
        // UInt32 values in an Int: no overflow possible in these sums on 64-bit.
        guard total >= framingLength + headersLength else { throw .invalidLength }
        guard total - framingLength - headersLength <= maxPayloadLength else { throw .payloadTooLong }
        return total
    }

    private static func decode(frame: Data) throws(EventStreamError) -> EventStreamMessage {
        let bytes = [UInt8](frame)
        let headersLength = Int(bigEndian32(bytes, at: 4))
        let crcOffset = bytes.count - 4
        guard CRC32.checksum(Data(bytes[0..<crcOffset])) == bigEndian32(bytes, at: crcOffset) else {
            throw .messageChecksumMismatch
        }
        let headersEnd = preludeLength + headersLength
        let headers = try EventStreamHeaderParser.parse(bytes[preludeLength..<headersEnd])
        return EventStreamMessage(headers: headers, payload: Data(bytes[headersEnd..<crcOffset]))
    }
}

func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
}
