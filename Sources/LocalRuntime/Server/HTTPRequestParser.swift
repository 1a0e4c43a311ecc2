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
        let body: Data
        if let encoding = headers["transfer-encoding"] {
            guard encoding.lowercased() == "chunked" else { return .reject(status: 501, message: "unsupported transfer encoding") }
            if expectsContinue { reader.sendContinue() }
            guard let decoded = readChunked(from: reader, limit: configuration.maxBodyBytes) else {
                return .reject(status: 413, message: "request body too large or malformed")
            }
            body = decoded
        } else if let lengthText = headers["content-length"] {
            guard let length = Int(lengthText), length >= 0 else { return .reject(status: 400, message: "invalid content-length") }
            guard length <= configuration.maxBodyBytes else { return .reject(status: 413, message: "request body too large") }
            if expectsContinue, length > 0 { reader.sendContinue() }
            guard let bytes = reader.readExactly(length) else { return .closed }
            body = Data(bytes)
        } else {
            body = Data()
        }
        return .request(ServerRequest(
            method: String(requestLine[0]),
            target: String(requestLine[1]),
            headers: headers,
            body: body,
            remoteAddress: peer
        ))
    }

    static func wantsClose(_ request: ServerRequest) -> Bool {
        request.headers["connection"]?.lowercased() == "close"
    }

    private static func readChunked(from reader: ConnectionReader, limit: Int) -> Data? {
        var body = Data()
        while true {
            guard let sizeLine = reader.readLine(limit: 1024) else { return nil }
            let sizeText = String(decoding: sizeLine, as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingHTTPWhitespace(), radix: 16), size >= 0 else { return nil }
            if size == 0 {
                // Trailer fields, if any, up to the blank line.
                while let trailer = reader.readLine(limit: 8 * 1024) {
                    if trailer.isEmpty { return body }
                }
                return nil
            }
            guard body.count + size <= limit, let chunk = reader.readExactly(size) else { return nil }
            body.append(contentsOf: chunk)
            guard let terminator = reader.readLine(limit: 2), terminator.isEmpty else { return nil }
        }
    }
}
