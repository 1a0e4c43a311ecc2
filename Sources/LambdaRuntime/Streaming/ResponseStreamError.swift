/// Why a write to a ``ResponseStream`` was refused.
package enum ResponseStreamError: LambdaFunctionError, Sendable, Equatable {
    /// The response would pass the streaming limit (``ResponseStream/maxResponseBytes``).
    case tooLarge(limit: Int)
    /// The Runtime API ended the exchange (it answered early or the connection broke).
    case closed
    /// The content type or prelude came after the first byte had been sent.
    case alreadyStarted
    /// The handler wrote after it had returned.
    case finished
    /// The HTTP prelude could not be encoded as JSON.
    case invalidPrelude

    package var errorType: String {
        switch self {
        case .tooLarge: "ResponseTooLarge"
        case .closed: "ResponseStreamClosed"
        case .alreadyStarted, .finished, .invalidPrelude: "ResponseStreamMisuse"
        }
    }

    package var errorMessage: String {
        switch self {
        case .tooLarge(let limit): "The streamed response exceeded \(limit) bytes."
        case .closed: "The response stream was closed by the Runtime API."
        case .alreadyStarted: "The response metadata must be set before the first byte is written."
        case .finished: "The response stream had already ended."
        case .invalidPrelude: "The HTTP prelude could not be encoded."
        }
    }
}
