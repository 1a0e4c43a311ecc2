/// What `CreateTable` needs: keys, global secondary indexes; billing is
/// always on demand (`PAY_PER_REQUEST`), like the deployed tables.
package struct TableDefinition: Sendable {
    package enum ScalarType: String, Sendable, Codable {
        case string = "S", number = "N", binary = "B"
    }

    package struct KeyAttribute: Sendable {
        package var name: String
        package var type: ScalarType
        package init(_ name: String, _ type: ScalarType = .string) {
            self.name = name
            self.type = type
        }
    }

    package enum IndexProjection: Sendable {
        case all
        case keysOnly
        case include([String])
    }

    package struct GlobalSecondaryIndex: Sendable {
        package var name: String
        package var partitionKey: KeyAttribute
        package var sortKey: KeyAttribute?
        package var projection: IndexProjection

        package init(name: String, partitionKey: KeyAttribute, sortKey: KeyAttribute? = nil, projection: IndexProjection = .all) {
            self.name = name
            self.partitionKey = partitionKey
            self.sortKey = sortKey
            self.projection = projection
        }
    }

    package var tableName: String
    package var partitionKey: KeyAttribute
    package var sortKey: KeyAttribute?
    package var globalSecondaryIndexes: [GlobalSecondaryIndex]

    package init(tableName: String, partitionKey: KeyAttribute, sortKey: KeyAttribute? = nil, globalSecondaryIndexes: [GlobalSecondaryIndex] = []) {
        self.tableName = tableName
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.globalSecondaryIndexes = globalSecondaryIndexes
    }
}
