/// Parses `text/event-stream` incrementally, as the HTML Living Standard
/// describes: bytes go in as they arrive, split anywhere (inside a line,
/// inside a multi-byte character, between CR and LF), and events come out,
/// one ``next()`` at a time.
///
/// Lines end with CRLF, LF or CR; `:` starts a comment (a heartbeat); a blank
/// line dispatches the event. Text is decoded only once a field is whole, so
/// a split character is never damaged; invalid UTF-8 becomes U+FFFD.
package struct ServerSentEventParser: Sendable {
    /// The default limit on one line and on one event's data: 1 MiB.
    package static let defaultMaxEventBytes = 1024 * 1024

    private let maxEventBytes: Int
    private var line: [UInt8] = []
    private var afterCR = false
    private var atStreamStart = true
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType: String?
    private var lastEventID: String?
    private var ready: [ServerSentEvent] = []
    private var readyIndex = 0
    private var failure: ServerSentEventError?

    package init(maxEventBytes: Int = ServerSentEventParser.defaultMaxEventBytes) {
        self.maxEventBytes = max(1, maxEventBytes)
    }

    /// Adds bytes as they arrive.
    package mutating func append(_ bytes: some Collection<UInt8>) {
        guard failure == nil else { return }
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == lineFeed { continue }
            }
            switch byte {
            case carriageReturn:
                afterCR = true
                endLine()
            case lineFeed:
                endLine()
            default:
                guard line.count < maxEventBytes else {
                    failure = .eventTooLarge(limit: maxEventBytes)
                    return
                }
                line.append(byte)
            }
            if failure != nil { return }
        }
    }

    /// The next complete event, or `nil` until more bytes arrive; after the
    /// limit was passed, the events before it and then the error.
    package mutating func next() throws(ServerSentEventError) -> ServerSentEvent? {
        if readyIndex < ready.count {
            defer {
                readyIndex += 1
                if readyIndex == ready.count {
                    ready.removeAll(keepingCapacity: true)
                    readyIndex = 0
                }
            }
            return ready[readyIndex]
        }
        if let failure { throw failure }
        return nil
    }

    private mutating func endLine() {
        defer { line.removeAll(keepingCapacity: true) }
        if atStreamStart {
            atStreamStart = false
            if line.starts(with: byteOrderMark) { line.removeFirst(byteOrderMark.count) }
        }
        guard let first = line.first else {
            dispatch()
            return
        }
        guard first != colon else { return }  // a comment
        let nameEnd = line.firstIndex(of: colon) ?? line.endIndex
        var valueStart = min(nameEnd + 1, line.endIndex)
        if valueStart < line.endIndex, line[valueStart] == space { valueStart += 1 }
        let value = line[valueStart...]
        switch line[..<nameEnd] {
        case dataField[...]:
            guard value.count <= maxEventBytes - data.count - 1 else {
                failure = .eventTooLarge(limit: maxEventBytes)
                return
            }
            if hasData { data.append(lineFeed) }
            data.append(contentsOf: value)
            hasData = true
        case eventField[...]:
            eventType = String(decoding: value, as: UTF8.self)
        case idField[...]:
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        default:
            break  // `retry` and unknown fields are ignored
        }
    }

    private mutating func dispatch() {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = nil
        }
        guard hasData else { return }
        let type = eventType.flatMap { $0.isEmpty ? nil : $0 } ?? "message"
        ready.append(ServerSentEvent(type: type, data: String(decoding: data, as: UTF8.self), lastEventID: lastEventID))
    }
}

private let carriageReturn = UInt8(ascii: "\r")
private let lineFeed = UInt8(ascii: "\n")
private let colon = UInt8(ascii: ":")
private let space = UInt8(ascii: " ")
private let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
private let dataField = Array("data".utf8)
private let eventField = Array("event".utf8)
private let idField = Array("id".utf8)
