import Coaching
/// The two tables the service owns, and the name of their by-user index.
package struct DynamoDBTables: Sendable, Equatable {
    package var conversations: String
    package var sessions: String
    /// The GSI on both tables keyed `gsi1pk` (`TENANT#t#USER#u`) / `gsi1sk` (recency).
    var userIndex: String

    package init(conversations: String, sessions: String, userIndex: String = "gsi1") {
        self.conversations = conversations
        self.sessions = sessions
        self.userIndex = userIndex
    }
}
