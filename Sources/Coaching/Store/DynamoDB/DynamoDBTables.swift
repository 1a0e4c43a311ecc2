/// The two tables the service owns, and the name of their by-user index.
public struct DynamoDBTables: Sendable, Equatable {
    public var conversations: String
    public var sessions: String
    /// The GSI on both tables keyed `gsi1pk` (`TENANT#t#USER#u`) / `gsi1sk` (recency).
    public var userIndex: String

    public init(conversations: String, sessions: String, userIndex: String = "gsi1") {
        self.conversations = conversations
        self.sessions = sessions
        self.userIndex = userIndex
    }
}
