@testable import Coaching
@testable import CoachingStorage
import Foundation

/// Cursors a client could craft for a listing it may open: right scope, bad
/// keys; and cursors of the first format, whose scope was one joined string.
enum CraftedCursors {
    static func conversations(tenant: String, user: String) -> [String] {
        recency(.conversations(tenantID: tenant, userID: user), legacyScope: "conversations:\(tenant):\(user)",
                partition: "TENANT#\(tenant)#CONV#")
    }

    static func sessions(tenant: String, user: String) -> [String] {
        recency(.sessions(tenantID: tenant, userID: user), legacyScope: "sessions:\(tenant):\(user)", partition: "TENANT#\(tenant)#SESSION#")
    }

    static func messages(tenant: String, conversation: String) -> [String] {
        let scope = ListingScope.messages(ConversationKey(tenantID: tenant, conversationID: conversation))
        return ["", "-1", "99999999999999999999", "1e3", "+4", " 4"].map { PageCursor.encode(scope, [$0]) }
            + [legacy(["messages:\(tenant):\(conversation)", "2"])]
    }

    private static func recency(_ scope: ListingScope, legacyScope: String, partition: String) -> [String] {
        let shaped = [[""], ["junk"], ["00180000000000#x"], ["001800000000000#"], ["001800000000000x1"], ["00180000000000a#x"],
                      ["", ""], ["001800000000000#x", partition + "x"]]
        return shaped.map { PageCursor.encode(scope, $0) } + [
            legacy([legacyScope, "", ""]), legacy([legacyScope, "001800000000000#x", partition + "x"]), legacy([legacyScope, "001800000000000#x"]),
        ]
    }

    /// The first cursor format: `c1|kind:tenant:user|fields...`, base64url.
    private static func legacy(_ fields: [String]) -> String {
        Data((["c1"] + fields).joined(separator: "|").utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
