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
                partitionKey: "pk",
                sortKey: "sk",
                globalSecondaryIndexes: [.init(name: userIndex, partitionKey: "gsi1pk", sortKey: "gsi1sk")]
            )
        }
    }

    /// Creates both tables and waits until they are active: for local
    /// DynamoDB (DynamoDB Local, moto), tests and benchmarks. Deployed tables
    /// come from the SAM template, with TTL on `ttl`; these have no TTL,
    /// which changes nothing the service sees, since reads filter expired
    /// items anyway.
    package func create(using client: DynamoDBClient, deadline: Deadline = .none) throws(DynamoDBError) {
        for definition in definitions {
            try client.createTable(definition, deadline: deadline)
            try client.waitUntilActive(definition.tableName, deadline: deadline)
        }
    }
}
