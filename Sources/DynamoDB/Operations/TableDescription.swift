/// The parts of a table's description this project reads.
package struct TableDescription: Sendable, Decodable, Equatable {
    package var tableName: String
    /// `CREATING`, `ACTIVE`, `DELETING`, `UPDATING` …
    package var tableStatus: String?

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case tableStatus = "TableStatus"
    }
}
