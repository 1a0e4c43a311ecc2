/// One event of a `text/event-stream` body.
package struct ServerSentEvent: Sendable, Equatable {
    /// The `event:` field; `message` when the event had none.
    package var type: String
    /// The `data:` lines, joined with line feeds.
    package var data: String
    /// The last `id:` seen so far in the stream, if any.
    package var lastEventID: String?

    package init(type: String = "message", data: String, lastEventID: String? = nil) {
        self.type = type
        self.data = data
        self.lastEventID = lastEventID
    }

    /// OpenAI-compatible servers end a completion stream with `data: [DONE]`.
    package var isDone: Bool { data == "[DONE]" }
}

/// Why a `text/event-stream` body was refused.
package enum ServerSentEventError: Error, Sendable, Equatable {
    /// A line or an event passed the parser's limit.
    case eventTooLarge(limit: Int)
}
