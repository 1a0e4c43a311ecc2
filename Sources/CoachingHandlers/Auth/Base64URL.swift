import FoundationEssentials

/// Base64url (RFC 4648 §5) without padding, as JWTs use it.
enum Base64URL {
    /// Decodes strictly: only the URL-safe alphabet, no padding, no whitespace.
    static func decode(_ text: Substring) -> Data? {
        guard text.utf8.allSatisfy({ byte in
            (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95
        }), text.utf8.count % 4 != 1 else { return nil }
        var base64 = String(text.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        while base64.utf8.count % 4 != 0 { base64.append("=") }
        return Data(base64Encoded: base64)
    }

    static func encode(_ data: some Sequence<UInt8>) -> String {
        String(Data(data).base64EncodedString().compactMap { character -> Character? in
            switch character {
            case "+": "-"
            case "/": "_"
            case "=": nil
            default: character
            }
        })
    }
}
