/// What `CreateTable` needs for this service's tables: string keys, global
/// secondary indexes projecting every attribute, billing on demand
/// (`PAY_PER_REQUEST`), like the deployed tables.
package struct TableDefinition: Sendable {
    package struct GlobalSecondaryIndex: Sendable {
        var name: String
        var partitionKey: String
        var sortKey: String

        package init(name: String, partitionKey: String, sortKey: String) {
            self.name = name
            self.partitionKey = partitionKey
            self.sortKey = sortKey
        }
    }

    package var tableName: String
    var partitionKey: String
    var sortKey: String
    var globalSecondaryIndexes: [GlobalSecondaryIndex]

    package init(tableName: String, partitionKey: String, sortKey: String, globalSecondaryIndexes: [GlobalSecondaryIndex] = []) {
        self.tableName = tableName
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.globalSecondaryIndexes = globalSecondaryIndexes
    }
}
