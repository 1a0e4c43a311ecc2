/// Why an event-stream body could not be decoded. Every case ends the stream:
/// a frame boundary cannot be trusted after any of them.
package enum EventStreamError: Error, Sendable, Equatable {
    /// The CRC-32 of the 8 prelude bytes does not match.
    case preludeChecksumMismatch
    /// The CRC-32 of the whole message does not match.
    case messageChecksumMismatch
    /// Total length below the 16 bytes of framing, or too small for the headers.
    case invalidLength
    /// Headers longer than 128 KiB.
    case headersTooLong
    /// Payload longer than 24 MiB.
    case payloadTooLong
    /// A header that is truncated, of an unknown type, not UTF-8, or repeated.
    case malformedHeader
    /// The body ended inside a message.
    case truncated
}
