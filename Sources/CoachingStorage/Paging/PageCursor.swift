import Coaching
import FoundationEssentials

/// Opaque listing cursors: base64url of a few text fields, prefixed with a
/// version. Each cursor names the listing it belongs to (its
/// ``ListingScope``), so a cursor from another user's or tenant's listing is
/// refused instead of leaking a position in it. Every field is escaped, so
/// the fields of a cursor are exactly the ones encoded.
enum PageCursor {
    private static let version = "c2"

    static func encode(_ scope: ListingScope, _ fields: [String]) -> String {
        let joined = ([version] + scope.fields + fields).map(escape).joined(separator: "|")
        return String(Data(joined.utf8).base64EncodedString().compactMap { character -> Character? in
            switch character {
            case "+": "-"
            case "/": "_"
            case "=": nil
            default: character
            }
        })
    }

    /// The `count` fields after the scope of `cursor`, which must belong to `scope`.
    static func decode(_ cursor: String, scope: ListingScope, count: Int) throws(StoreError) -> [String] {
        guard cursor.utf8.count <= 2048 else { throw .invalidCursor }
        var base64 = String(cursor.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
            throw .invalidCursor
        }
        let fields = text.split(separator: "|", omittingEmptySubsequences: false).map { unescape(String($0)) }
        let prefix = [version] + scope.fields
        guard fields.count == prefix.count + count, Array(fields.prefix(prefix.count)) == prefix else { throw .invalidCursor }
        return Array(fields.dropFirst(prefix.count))
    }

    /// The recency sort key of a by-user listing's cursor, checked for its
    /// shape (``StorageKeys/recencySortKey(epochMilliseconds:id:)``).
    static func recencyKey(_ cursor: String, scope: ListingScope) throws(StoreError) -> StorageKeys.RecencyKey {
        guard let key = StorageKeys.RecencyKey(try decode(cursor, scope: scope, count: 1)[0]) else { throw .invalidCursor }
        return key
    }

    /// The message number of a message listing's cursor: plain digits, as written.
    static func sequence(_ cursor: String, scope: ListingScope) throws(StoreError) -> Int {
        let text = try decode(cursor, scope: scope, count: 1)[0]
        guard !text.isEmpty, text.utf8.count <= 10, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let seq = Int(text) else {
            throw .invalidCursor
        }
        return seq
    }

    private static func escape(_ field: String) -> String {
        var result = ""
        for character in field {
            switch character {
            case "%": result += "%25"
            case "|": result += "%7C"
            default: result.append(character)
            }
        }
        return result
    }

    private static func unescape(_ field: String) -> String {
        var result = ""
        var index = field.startIndex
        while index < field.endIndex {
            let rest = field[index...]
            if rest.hasPrefix("%7C") {
                result.append("|")
                index = field.index(index, offsetBy: 3)
            } else if rest.hasPrefix("%25") {
                result.append("%")
                index = field.index(index, offsetBy: 3)
            } else {
                result.append(field[index])
                index = field.index(after: index)
            }
        }
        return result
    }
}
