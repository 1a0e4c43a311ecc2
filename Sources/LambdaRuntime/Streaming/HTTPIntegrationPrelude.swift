import FoundationEssentials

/// The status, headers and cookies of a streamed HTTP answer (Function URLs,
/// API Gateway streaming): sent as JSON, then 8 NUL bytes, then the body,
/// under the content type ``ResponseStream/httpIntegrationContentType``.
package struct HTTPIntegrationPrelude: Sendable, Equatable, Codable {
    package var statusCode: Int
    package var headers: [String: String]
    package var cookies: [String]

    private enum CodingKeys: String, CodingKey {
        case statusCode
        case headers
        case cookies
    }

    package init(statusCode: Int, headers: [String: String] = [:], cookies: [String] = []) {
        self.statusCode = statusCode
        self.headers = headers
        self.cookies = cookies
    }

    /// The 8 NUL bytes that end the prelude.
    package static let separator = Data(repeating: 0, count: 8)

    /// The JSON text followed by ``separator``: the first bytes of the stream.
    func encodedWithSeparator() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = try encoder.encode(self)
        bytes.append(Self.separator)
        return bytes
    }
}
