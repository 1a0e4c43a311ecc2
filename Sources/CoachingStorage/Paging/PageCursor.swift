import Coaching
import FoundationEssentials

/// Opaque listing cursors: base64url of a few text fields, prefixed with a
/// version. Each cursor names the listing it belongs to (the first field),
/// so a cursor from another user's or tenant's listing is refused instead of
/// leaking a position in it.
enum PageCursor {
    private static let version = "c1"

    static func encode(_ fields: [String]) -> String {
        let joined = ([version] + fields).map(escape).joined(separator: "|")
        return String(Data(joined.utf8).base64EncodedString().compactMap { character -> Character? in
            switch character {
            case "+": "-"
            case "/": "_"
            case "=": nil
            default: character
            }
        })
    }

    /// The fields of `cursor`, which must have `count` of them and start with `scope`.
    static func decode(_ cursor: String, scope: String, count: Int) throws(StoreError) -> [String] {
        guard cursor.count <= 2048 else { throw .invalidCursor }
        var base64 = String(cursor.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
            throw .invalidCursor
        }
        let fields = text.split(separator: "|", omittingEmptySubsequences: false).map { unescape(String($0)) }
        guard fields.count == count + 1, fields[0] == version, fields[1] == scope else { throw .invalidCursor }
        return Array(fields.dropFirst())
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
