import AWSCore
import Coaching
import DynamoDB
import Essentials
import FoundationEssentials

/// The ``ConversationStore`` on DynamoDB: the conversations table (a `META`
/// header item and one `MESSAGE#` item per message in each conversation's
/// partition) and the coaching-sessions table.
///
/// Round trips: a turn reads with one `Query` (header and newest messages,
/// descending, strongly consistent) and writes with one `TransactWriteItems`
/// (header put conditioned on its version, message puts conditioned on not
/// existing, session put). Each transaction carries its own client request
/// token, so the client's retry after an ambiguous failure never applies twice.
package final class DynamoDBConversationStore: ConversationStore {
    let client: DynamoDBClient
    let tables: DynamoDBTables
    let clock: any EpochClock
    /// Most query pages read to fill one filtered listing page.
    static let maxPagesPerListing = 10

    package init(client: DynamoDBClient, tables: DynamoDBTables, clock: any EpochClock = SystemClock()) {
        self.client = client
        self.tables = tables
        self.clock = clock
    }

    var nowSeconds: Int64 { clock.nowEpochMilliseconds() / 1000 }

    // MARK: Writes

    package func save(_ write: ConversationWrite, deadline: Deadline) throws(StoreError) {
        let key = write.conversation.key
        var actions: [TransactWriteItem] = []
        let header = try encode(ConversationItem(write.conversation))
        switch write.expectedVersion {
        case nil:
            actions.append(.put(table: tables.conversations, item: header, condition: .attributeNotExists("pk")))
            actions.append(.put(table: tables.sessions, item: try encode(SessionItem(write.session)), condition: .attributeNotExists("pk")))
        case let expected?:
            actions.append(.put(table: tables.conversations, item: header, condition: .equals("version", .number(expected))))
            actions.append(.put(table: tables.sessions, item: try encode(SessionItem(write.session))))
        }
        if let outcome = write.confirmedOutcome {
            // No condition and no ttl: the latest confirmation of a topic replaces the last one and never expires.
            actions.append(.put(table: tables.conversations, item: try encode(OutcomeItem(outcome))))
        }
        for message in write.newMessages {
            actions.append(.put(table: tables.conversations, item: try encode(MessageItem(message, key: key)), condition: .attributeNotExists("pk")))
        }
        // One token per write: the client's retries of this request reuse it (so an
        // ambiguous failure never applies twice), and no other write can share it.
        // A token derived from the version alone would be shared by two writers
        // racing for the same version.
        let token = UUID().uuidString.lowercased()
        do {
            try client.transactWriteItems(actions, clientRequestToken: token, deadline: deadline)
        } catch {
            throw Self.storeError(error, creating: write.expectedVersion == nil)
        }
    }

    static func storeError(_ error: DynamoDBError, creating: Bool) -> StoreError {
        switch error {
        case .transactionCanceled(let reasons, _):
            let failures = reasons.filter(\.isFailure)
            if failures.allSatisfy({ $0.code == "ConditionalCheckFailed" }), !failures.isEmpty {
                return creating ? .alreadyExists : .conflict
            }
            if failures.contains(where: { $0.code == "TransactionConflict" || $0.code == "ConditionalCheckFailed" }) {
                return .conflict
            }
            return .unavailable(error.description)
        case .transactionConflict, .idempotentParameterMismatch:
            return .conflict
        default:
            return StoreError(error)
        }
    }

    // MARK: Reads

    package func load(_ key: ConversationKey, recentMessages: Int, deadline: Deadline) throws(StoreError) -> ConversationSnapshot? {
        let partition = StorageKeys.conversationPartition(tenantID: key.tenantID, conversationID: key.conversationID)
        let page: QueryPage
        do {
            page = try client.query(QueryInput(
                tableName: tables.conversations,
                keyCondition: KeyCondition(partitionKey: "pk", equals: .s(partition)),
                limit: recentMessages + 1,
                scanIndexForward: false,
                consistentRead: true
            ), deadline: deadline)
        } catch {
            throw StoreError(error)
        }
        // Descending: META sorts above every MESSAGE# key, so it comes first.
        guard let first = page.items.first, first["sk"] == .s(StorageKeys.metaSortKey) else { return nil }
        let header = try decode(ConversationItem.self, first)
        let now = nowSeconds
        guard header.ttl > now else { return nil }
        var messages: [MessageRecord] = []
        for item in page.items.dropFirst() {
            guard case .s(let sortKey)? = item["sk"], sortKey.hasPrefix(StorageKeys.messagePrefix) else { continue }
            let message = try decode(MessageItem.self, item)
            if message.ttl > now { messages.append(message.record) }
        }
        return ConversationSnapshot(conversation: header.record, recentMessages: messages.reversed())
    }

    package func message(_ key: ConversationKey, seq: Int, deadline: Deadline) throws(StoreError) -> MessageRecord? {
        let item: DynamoDBItem?
        do {
            item = try client.getItem(
                table: tables.conversations,
                key: [
                    "pk": .s(StorageKeys.conversationPartition(tenantID: key.tenantID, conversationID: key.conversationID)),
                    "sk": .s(StorageKeys.messageSortKey(seq: seq)),
                ],
                consistentRead: true,
                deadline: deadline
            )
        } catch {
            throw StoreError(error)
        }
        guard let item else { return nil }
        let message = try decode(MessageItem.self, item)
        return message.ttl > nowSeconds ? message.record : nil
    }

    package func session(tenantID: String, sessionID: String, deadline: Deadline) throws(StoreError) -> SessionRecord? {
        let item: DynamoDBItem?
        do {
            item = try client.getItem(
                table: tables.sessions,
                key: ["pk": .s(StorageKeys.sessionPartition(tenantID: tenantID, sessionID: sessionID)), "sk": .s(StorageKeys.sessionSortKey)],
                deadline: deadline
            )
        } catch {
            throw StoreError(error)
        }
        guard let item else { return nil }
        let session = try decode(SessionItem.self, item)
        return session.ttl > nowSeconds ? session.record : nil
    }

    /// One Query on the user's outcome partition.
    package func outcomes(tenantID: String, userID: String, deadline: Deadline) throws(StoreError) -> [OutcomeRecord] {
        let page: QueryPage
        do {
            page = try client.query(QueryInput(
                tableName: tables.conversations,
                keyCondition: KeyCondition(
                    partitionKey: "pk", equals: .s(StorageKeys.outcomePartition(tenantID: tenantID, userID: userID)),
                    sortKey: "sk", .beginsWith(.s(StorageKeys.outcomePrefix))
                ),
                consistentRead: true
            ), deadline: deadline)
        } catch {
            throw StoreError(error)
        }
        let records = try page.items.map { (item: DynamoDBItem) throws(StoreError) -> OutcomeRecord in try decode(OutcomeItem.self, item).record }
        return records.sorted { $0.topic.journeyOrder < $1.topic.journeyOrder }
    }

    package func checkReadiness(deadline: Deadline) throws(StoreError) {
        // A read of a key that never exists: needs only the GetItem the
        // function already has, and proves both tables answer.
        do {
            _ = try client.getItem(table: tables.conversations, key: ["pk": "HEALTHCHECK", "sk": "HEALTHCHECK"], deadline: deadline)
            _ = try client.getItem(table: tables.sessions, key: ["pk": "HEALTHCHECK", "sk": "HEALTHCHECK"], deadline: deadline)
        } catch {
            throw StoreError(error)
        }
    }

    // MARK: Items

    func encode<Item: StoredItem>(_ item: Item) throws(StoreError) -> DynamoDBItem {
        do {
            return try item.attributes
        } catch {
            throw .corruptRecord("a \(Item.self) cannot be stored (\(error))")
        }
    }

    func decode<Item: StoredItem>(_ type: Item.Type, _ item: DynamoDBItem) throws(StoreError) -> Item {
        do {
            return try Item(item: item)
        } catch {
            throw .corruptRecord("a stored \(Item.self) cannot be read (\(error))")
        }
    }
}
