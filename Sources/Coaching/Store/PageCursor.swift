import FoundationEssentials

/// Opaque listing cursors: base64url of a few text fields, prefixed with a
/// version. Each cursor names the listing it belongs to (the first field),
/// so a cursor from another user's or tenant's listing is refused instead of
/// leaking a position in it.
enum PageCursor {
    private static let version = "c1"

    static func encode(_ fields: [String]) -> String {
        let joined = ([version] + fields).map(escape).joined(separator: "|")
        return Data(joined.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The fields of `cursor`, which must have `count` of them and start with `scope`.
    static func decode(_ cursor: String, scope: String, count: Int) throws(StoreError) -> [String] {
        guard cursor.count <= 2048 else { throw .invalidCursor }
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
            throw .invalidCursor
        }
        let fields = text.split(separator: "|", omittingEmptySubsequences: false).map { unescape(String($0)) }
        guard fields.count == count + 1, fields[0] == version, fields[1] == scope else { throw .invalidCursor }
        return Array(fields.dropFirst())
    }

    private static func escape(_ field: String) -> String {
        field.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "|", with: "%7C")
    }

    private static func unescape(_ field: String) -> String {
        field.replacingOccurrences(of: "%7C", with: "|").replacingOccurrences(of: "%25", with: "%")
    }
}
