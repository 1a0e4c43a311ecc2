import AWSCore
import Coaching
import DynamoDB
import Essentials

extension DynamoDBConversationStore {
    package func messages(_ key: ConversationKey, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<MessageRecord> {
        let partition = StorageKeys.conversationPartition(tenantID: key.tenantID, conversationID: key.conversationID)
        let scope = SequencePaging.scope(key, page)
        var start: DynamoDBItem?
        if let cursor = page.cursor {
            guard let seq = Int(try PageCursor.decode(cursor, scope: scope, count: 2)[1]) else { throw .invalidCursor }
            start = ["pk": .s(partition), "sk": .s(StorageKeys.messageSortKey(seq: seq))]
        }
        let now = nowSeconds
        let items = try collect(
            QueryInput(
                tableName: tables.conversations,
                keyCondition: KeyCondition(partitionKey: "pk", equals: .s(partition), sortKey: "sk", .beginsWith(.s(StorageKeys.messagePrefix))),
                filter: .compare("ttl", .greaterThan, .value(.number(now))),
                scanIndexForward: !page.newestFirst, exclusiveStartKey: start
            ),
            wanted: page.limit + 1, deadline: deadline
        )
        let messages = try items.map { (item: DynamoDBItem) throws(StoreError) -> MessageRecord in try decode(MessageItem.self, item).record }
        let selected = Array(messages.prefix(page.limit))
        let next = messages.count > page.limit ? selected.last.map { PageCursor.encode([scope, String($0.seq)]) } : nil
        return Page(items: selected, nextCursor: next)
    }

    package func conversations(
        tenantID: String, userID: String, filter: ConversationFilter, page: PageRequest, deadline: Deadline
    ) throws(StoreError) -> Page<ConversationRecord> {
        var conditions: [Condition] = [.compare("ttl", .greaterThan, .value(.number(nowSeconds)))]
        if !filter.includesEveryStatus { conditions.append(.or(filter.statuses.map { .equals("status", .s($0.rawValue)) })) }
        if let topic = filter.topic { conditions.append(.equals("topic", .s(topic.rawValue))) }
        let found = try listByUser(
            table: tables.conversations, tenantID: tenantID, userID: userID, scope: "conversations:\(tenantID):\(userID)",
            sortKey: StorageKeys.metaSortKey, filter: .and(conditions), page: page, deadline: deadline
        )
        let records = try found.items.map { (item: DynamoDBItem) throws(StoreError) -> ConversationRecord in
            try decode(ConversationItem.self, item).record
        }
        return Page(items: records, nextCursor: found.nextCursor)
    }

    package func sessions(tenantID: String, userID: String, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<SessionRecord> {
        let found = try listByUser(
            table: tables.sessions, tenantID: tenantID, userID: userID, scope: "sessions:\(tenantID):\(userID)",
            sortKey: StorageKeys.sessionSortKey, filter: .compare("ttl", .greaterThan, .value(.number(nowSeconds))),
            page: page, deadline: deadline
        )
        let records = try found.items.map { (item: DynamoDBItem) throws(StoreError) -> SessionRecord in
            try decode(SessionItem.self, item).record
        }
        return Page(items: records, nextCursor: found.nextCursor)
    }

    /// Newest-first listing on the by-user index. The cursor holds the last
    /// item's index and table keys; it only opens the listing it came from.
    private func listByUser(
        table: String, tenantID: String, userID: String, scope: String, sortKey: String,
        filter: Condition, page: PageRequest, deadline: Deadline
    ) throws(StoreError) -> Page<DynamoDBItem> {
        let userPartition = StorageKeys.userPartition(tenantID: tenantID, userID: userID)
        var start: DynamoDBItem?
        if let cursor = page.cursor {
            let fields = try PageCursor.decode(cursor, scope: scope, count: 3)
            start = ["gsi1pk": .s(userPartition), "gsi1sk": .s(fields[1]), "pk": .s(fields[2]), "sk": .s(sortKey)]
        }
        let items = try collect(
            QueryInput(
                tableName: table, indexName: tables.userIndex,
                keyCondition: KeyCondition(partitionKey: "gsi1pk", equals: .s(userPartition)),
                filter: filter, scanIndexForward: false, exclusiveStartKey: start
            ),
            wanted: page.limit + 1, deadline: deadline
        )
        let selected = Array(items.prefix(page.limit))
        var next: String?
        if items.count > page.limit, let last = selected.last, case .s(let recency)? = last["gsi1sk"], case .s(let pk)? = last["pk"] {
            next = PageCursor.encode([scope, recency, pk])
        }
        return Page(items: selected, nextCursor: next)
    }

    /// Runs `input` page after page until `wanted` items passed the filter,
    /// the partition ends, or ``maxPagesPerListing`` pages were read.
    private func collect(_ input: QueryInput, wanted: Int, deadline: Deadline) throws(StoreError) -> [DynamoDBItem] {
        var input = input
        input.limit = max(wanted, 10)
        var items: [DynamoDBItem] = []
        for _ in 0..<Self.maxPagesPerListing {
            let page: QueryPage
            do {
                page = try client.query(input, deadline: deadline)
            } catch {
                throw .unavailable(error.code)
            }
            items.append(contentsOf: page.items)
            guard items.count < wanted, let next = page.lastEvaluatedKey else { break }
            input.exclusiveStartKey = next
        }
        return Array(items.prefix(wanted))
    }
}
