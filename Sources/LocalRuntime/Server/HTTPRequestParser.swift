import FoundationEssentials
import HTTPTypes

/// Parses HTTP/1.1 requests off a connection, within the server's limits.
enum HTTPRequestParser {
    enum Outcome {
        case request(ServerRequest)
        /// The peer closed the connection between requests.
        case closed
        /// Answer with this status and close.
        case reject(status: Int, message: String)
    }

    static func read(from reader: ConnectionReader, configuration: LocalHTTPServer.Configuration, peer: String) -> Outcome {
        let head: [UInt8]
        switch reader.readHead(limit: configuration.maxHeaderBytes) {
        case .head(let bytes): head = bytes
        case .closed: return .closed
        case .truncated: return .reject(status: 400, message: "incomplete request head")
        case .tooLarge: return .reject(status: 431, message: "request head too large")
        }
        var lines = String(decoding: head, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { return .reject(status: 400, message: "empty request") }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1."),
              !requestLine[0].isEmpty, requestLine[1].hasPrefix("/") || requestLine[1] == "*" else {
            return .reject(status: 400, message: "malformed request line")
        }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                return .reject(status: 400, message: "malformed header line")
            }
            let name = String(line[..<colon])
            let value = String(line[line.index(after: colon)...]).trimmingHTTPWhitespace()
            headers.add(name: name, value: value)
        }
        if requestLine[2] == "HTTP/1.0", headers["connection"] == nil {
            headers.add(name: "Connection", value: "close")
        }

        // curl sends `Expect: 100-continue` for large bodies and waits a second for this answer.
        let expectsContinue = requestLine[2] == "HTTP/1.1" && headers["expect"]?.lowercased() == "100-continue"
        var body = Data()
        var trailers = HTTPHeaders()
        var chunks: [ChunkArrival] = []
        if let encoding = headers["transfer-encoding"] {
            guard encoding.lowercased() == "chunked" else { return .reject(status: 501, message: "unsupported transfer encoding") }
            if expectsContinue { reader.sendContinue() }
            guard let decoded = readChunked(from: reader, limit: configuration.maxBodyBytes) else {
                return .reject(status: 413, message: "request body too large or malformed")
            }
            body = decoded.body
            trailers = decoded.trailers
            chunks = decoded.chunks
        } else if let lengthText = headers["content-length"] {
            guard !lengthText.isEmpty, lengthText.utf8.count <= 18, lengthText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let length = Int(lengthText) else { return .reject(status: 400, message: "invalid content-length") }
            guard length <= configuration.maxBodyBytes else { return .reject(status: 413, message: "request body too large") }
            if expectsContinue, length > 0 { reader.sendContinue() }
            guard let bytes = reader.readExactly(length) else { return .closed }
            body = Data(bytes)
        }
        return .request(ServerRequest(
            method: String(requestLine[0]),
            target: String(requestLine[1]),
            headers: headers,
            body: body,
            remoteAddress: peer,
            trailers: trailers,
            chunks: chunks
        ))
    }

    static func wantsClose(_ request: ServerRequest) -> Bool {
        request.headers["connection"]?.lowercased() == "close"
    }

    /// The decoded body, trailer fields and arrival time of each chunk.
    struct ChunkedBody {
        var body = Data()
        var trailers = HTTPHeaders()
        var chunks: [ChunkArrival] = []
    }

    private static func readChunked(from reader: ConnectionReader, limit: Int) -> ChunkedBody? {
        var decoded = ChunkedBody()
        while true {
            guard let sizeLine = reader.readLine(limit: 1024) else { return nil }
            guard let size = chunkSize(sizeLine) else { return nil }
            if size == 0 {
                return readTrailers(from: reader).map { trailers in
                    decoded.trailers = trailers
                    return decoded
                }
            }
            // `size` is the client's number: compared with what is left, never added to anything.
            guard size <= limit - decoded.body.count, let chunk = reader.readExactly(size) else { return nil }
            decoded.chunks.append(ChunkArrival(offset: decoded.body.count, byteCount: size, receivedAtNanoseconds: MonotonicClock.nanoseconds()))
            decoded.body.append(contentsOf: chunk)
            guard let terminator = reader.readLine(limit: 2), terminator.isEmpty else { return nil }
        }
    }

    /// Trailer fields up to the blank line; at most 64 of 8 KB each.
    private static func readTrailers(from reader: ConnectionReader) -> HTTPHeaders? {
        var trailers = HTTPHeaders()
        for _ in 0...64 {
            guard let line = reader.readLine(limit: 8 * 1024) else { return nil }
            if line.isEmpty { return trailers }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return nil }
            trailers.add(
                name: String(decoding: line[..<colon], as: UTF8.self),
                value: String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingHTTPWhitespace()
            )
        }
        return nil
    }

    /// The size of a chunk line (`1*HEXDIG [; extensions]`, RFC 9112 §7.1):
    /// hexadecimal digits only, no sign, no prefix; `nil` when malformed or
    /// past 15 digits (more than any limit, and more than `Int` holds).
    static func chunkSize(_ line: [UInt8]) -> Int? {
        var digits = line.prefix { $0 != UInt8(ascii: ";") }[...]
        while let last = digits.last, last == 0x20 || last == 0x09 { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        var size = 0
        for byte in digits {
            let value: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = Int(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            size = size << 4 | value
        }
        return size
    }
}
