import AWSCore
import Coaching
import DynamoDB
import Essentials

extension DynamoDBTables {
    /// The tables as `template.yaml` declares them: `pk`/`sk` strings, the
    /// by-user index `gsi1pk`/`gsi1sk` projecting everything, on demand.
    package var definitions: [TableDefinition] {
        [conversations, sessions].map { name in
            TableDefinition(
                tableName: name,
                partitionKey: .init("pk"),
                sortKey: .init("sk"),
                globalSecondaryIndexes: [.init(name: userIndex, partitionKey: .init("gsi1pk"), sortKey: .init("gsi1sk"))]
            )
        }
    }

    /// Creates both tables with TTL on `ttl` and waits until they are active:
    /// for local DynamoDB (DynamoDB Local, moto) and tests. Deployed tables
    /// come from the SAM template.
    package func create(using client: DynamoDBClient, deadline: Deadline = .none) throws(DynamoDBError) {
        for definition in definitions {
            try client.createTable(definition, deadline: deadline)
            try client.waitUntilActive(definition.tableName, deadline: deadline)
            try client.updateTimeToLive(table: definition.tableName, attributeName: "ttl", deadline: deadline)
        }
    }
}
