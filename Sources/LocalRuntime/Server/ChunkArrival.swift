/// One chunk of a chunked request body, as the server read it.
package struct ChunkArrival: Sendable, Equatable {
    /// Where the chunk starts in the decoded body.
    package var offset: Int
    package var byteCount: Int
    /// ``MonotonicClock`` time at which the whole chunk had been read.
    package var receivedAtNanoseconds: UInt64
}
