import Testing

/// What every answer must look like from outside: JSON with its content
/// type, and nothing about the server's internals.
enum ResponseHygiene {
    /// Headers that would name the server software or its internals.
    static let forbiddenHeaders = ["server", "x-powered-by", "x-aspnet-version", "x-runtime", "x-debug", "x-amzn-remapped-server"]

    /// Text that would reveal code, paths, types or infrastructure.
    static let internals = [
        ".swift", "Fatal error", "fatalError", "Swift.", "StoreError", "DynamoDBError", "CoachingError", "HTTPClientError",
        "errno", "Stack trace", "stackTrace\":[\"", "127.0.0.1", "/tmp/", "/work/", "Optional(",
    ]

    static func check(_ reply: GatewayReply, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if !reply.body.isEmpty {
            #expect(reply.headers["content-type"] == "application/json", "\(name): content-type \(reply.headers["content-type"] ?? "none")",
                    sourceLocation: sourceLocation)
        }
        for header in reply.headers.keys {
            #expect(header == header.lowercased(), "\(name): header \(header) not lower-case", sourceLocation: sourceLocation)
            #expect(!forbiddenHeaders.contains(header), "\(name): header \(header) reveals the server", sourceLocation: sourceLocation)
        }
        #expect(reply.isBase64Encoded != true, "\(name)", sourceLocation: sourceLocation)
        checkNoInternals(reply.body, name, sourceLocation: sourceLocation)
    }

    static func checkNoInternals(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for marker in internals where text.contains(marker) {
            Issue.record("\(name): the answer contains \(marker)", sourceLocation: sourceLocation)
        }
    }
}
