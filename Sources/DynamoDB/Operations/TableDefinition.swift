/// What `CreateTable` needs: keys, global secondary indexes; billing is
/// always on demand (`PAY_PER_REQUEST`), like the deployed tables.
public struct TableDefinition: Sendable {
    public enum ScalarType: String, Sendable, Codable {
        case string = "S", number = "N", binary = "B"
    }

    public struct KeyAttribute: Sendable {
        public var name: String
        public var type: ScalarType
        public init(_ name: String, _ type: ScalarType = .string) {
            self.name = name
            self.type = type
        }
    }

    public enum IndexProjection: Sendable {
        case all
        case keysOnly
        case include([String])
    }

    public struct GlobalSecondaryIndex: Sendable {
        public var name: String
        public var partitionKey: KeyAttribute
        public var sortKey: KeyAttribute?
        public var projection: IndexProjection

        public init(name: String, partitionKey: KeyAttribute, sortKey: KeyAttribute? = nil, projection: IndexProjection = .all) {
            self.name = name
            self.partitionKey = partitionKey
            self.sortKey = sortKey
            self.projection = projection
        }
    }

    public var tableName: String
    public var partitionKey: KeyAttribute
    public var sortKey: KeyAttribute?
    public var globalSecondaryIndexes: [GlobalSecondaryIndex]

    public init(tableName: String, partitionKey: KeyAttribute, sortKey: KeyAttribute? = nil, globalSecondaryIndexes: [GlobalSecondaryIndex] = []) {
        self.tableName = tableName
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.globalSecondaryIndexes = globalSecondaryIndexes
    }
}
