import Coaching
/// The key layout of both tables (docs/ARCHITECTURE.md, "Storage").
///
/// The tenant leads every partition key, and it always comes from verified
/// identity: another tenant's ids never resolve.
enum StorageKeys {
    /// The conversation header's sort key.
    static let metaSortKey = "META"
    /// Message sort keys start with `MESSAGE#`, which sorts *below* `META`
    /// ("MES" < "MET"): one descending Query returns the header first, then
    /// the newest messages, so a turn needs a single read.
    static let messagePrefix = "MESSAGE#"
    static let sessionSortKey = "SESSION"

    static func conversationPartition(tenantID: String, conversationID: String) -> String {
        "TENANT#\(tenantID)#CONV#\(conversationID)"
    }

    static func sessionPartition(tenantID: String, sessionID: String) -> String {
        "TENANT#\(tenantID)#SESSION#\(sessionID)"
    }

    /// Partition key of the by-user index (`gsi1`) on both tables.
    static func userPartition(tenantID: String, userID: String) -> String {
        "TENANT#\(tenantID)#USER#\(userID)"
    }

    /// The partition of a user's confirmed outcomes (one `OUTCOME#topic` item each, no TTL).
    static func outcomePartition(tenantID: String, userID: String) -> String {
        "TENANT#\(tenantID)#USER#\(userID)#OUTCOMES"
    }

    static let outcomePrefix = "OUTCOME#"

    static func outcomeSortKey(topic: String) -> String { outcomePrefix + topic }

    static func messageSortKey(seq: Int) -> String {
        let digits = String(seq)
        return messagePrefix + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    /// Sorts by time, then id: zero-padded epoch milliseconds, so string order is time order.
    static func recencySortKey(epochMilliseconds: Int64, id: String) -> String {
        let digits = String(max(0, epochMilliseconds))
        return String(repeating: "0", count: max(0, 15 - digits.count)) + digits + "#" + id
    }

    /// A recency sort key read back from a cursor: 15 digits, `#`, a non-empty id.
    struct RecencyKey: Equatable {
        let text: String
        /// The conversation or session id the key ends with.
        let id: String

        init?(_ text: String) {
            let bytes = Array(text.utf8)
            guard bytes.count > 16, bytes[15] == UInt8(ascii: "#"),
                  bytes[..<15].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            self.text = text
            id = String(decoding: bytes[16...], as: UTF8.self)
        }
    }
}
