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
            let seq = try PageCursor.sequence(cursor, scope: scope)
            start = ["pk": .s(partition), "sk": .s(StorageKeys.messageSortKey(seq: seq))]
        }
        let now = nowSeconds
        let found = try collect(
            QueryInput(
                tableName: tables.conversations,
                keyCondition: KeyCondition(partitionKey: "pk", equals: .s(partition), sortKey: "sk", .beginsWith(.s(StorageKeys.messagePrefix))),
                filter: .compare("ttl", .greaterThan, .value(.number(now))),
                scanIndexForward: !page.newestFirst, exclusiveStartKey: start
            ),
            wanted: page.limit + 1, deadline: deadline
        )
        let messages = try found.items.map { (item: DynamoDBItem) throws(StoreError) -> MessageRecord in try decode(MessageItem.self, item).record }
        let selected = Array(messages.prefix(page.limit))
        var next: String?
        if messages.count > page.limit, let last = selected.last {
            next = PageCursor.encode(scope, [String(last.seq)])
        } else if case .s(let sortKey)? = found.resumeAfter?["sk"], sortKey.hasPrefix(StorageKeys.messagePrefix),
                  let seq = Int(sortKey.dropFirst(StorageKeys.messagePrefix.count)) {
            next = PageCursor.encode(scope, [String(seq)])
        }
        return Page(items: selected, nextCursor: next)
    }

    package func conversations(
        tenantID: String, userID: String, filter: ConversationFilter, page: PageRequest, deadline: Deadline
    ) throws(StoreError) -> Page<ConversationRecord> {
        var conditions: [Condition] = [.compare("ttl", .greaterThan, .value(.number(nowSeconds)))]
        if !filter.includesEveryStatus { conditions.append(.or(filter.statuses.map { .equals("status", .s($0.rawValue)) })) }
        if let topic = filter.topic { conditions.append(.equals("topic", .s(topic.rawValue))) }
        let found = try listByUser(
            table: tables.conversations, tenantID: tenantID, userID: userID, scope: .conversations(tenantID: tenantID, userID: userID),
            partition: { StorageKeys.conversationPartition(tenantID: tenantID, conversationID: $0) },
            sortKey: StorageKeys.metaSortKey, filter: .and(conditions), page: page, deadline: deadline
        )
        let records = try found.items.map { (item: DynamoDBItem) throws(StoreError) -> ConversationRecord in
            try decode(ConversationItem.self, item).record
        }
        return Page(items: records, nextCursor: found.nextCursor)
    }

    package func sessions(tenantID: String, userID: String, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<SessionRecord> {
        let found = try listByUser(
            table: tables.sessions, tenantID: tenantID, userID: userID, scope: .sessions(tenantID: tenantID, userID: userID),
            partition: { StorageKeys.sessionPartition(tenantID: tenantID, sessionID: $0) },
            sortKey: StorageKeys.sessionSortKey, filter: .compare("ttl", .greaterThan, .value(.number(nowSeconds))),
            page: page, deadline: deadline
        )
        let records = try found.items.map { (item: DynamoDBItem) throws(StoreError) -> SessionRecord in
            try decode(SessionItem.self, item).record
        }
        return Page(items: records, nextCursor: found.nextCursor)
    }

    /// Newest-first listing on the by-user index. The cursor holds the
    /// recency key of the last item read (which ends with its id, so the
    /// table key is rebuilt from the caller's own tenant); it only opens the
    /// listing it came from.
    private func listByUser(
        table: String, tenantID: String, userID: String, scope: ListingScope, partition: (String) -> String, sortKey: String,
        filter: Condition, page: PageRequest, deadline: Deadline
    ) throws(StoreError) -> Page<DynamoDBItem> {
        let userPartition = StorageKeys.userPartition(tenantID: tenantID, userID: userID)
        var start: DynamoDBItem?
        if let cursor = page.cursor {
            let recency = try PageCursor.recencyKey(cursor, scope: scope)
            start = ["gsi1pk": .s(userPartition), "gsi1sk": .s(recency.text), "pk": .s(partition(recency.id)), "sk": .s(sortKey)]
        }
        let found = try collect(
            QueryInput(
                tableName: table, indexName: tables.userIndex,
                keyCondition: KeyCondition(partitionKey: "gsi1pk", equals: .s(userPartition)),
                filter: filter, scanIndexForward: false, exclusiveStartKey: start
            ),
            wanted: page.limit + 1, deadline: deadline
        )
        let selected = Array(found.items.prefix(page.limit))
        var next: String?
        if found.items.count > page.limit, let last = selected.last, case .s(let recency)? = last["gsi1sk"] {
            next = PageCursor.encode(scope, [recency])
        } else if case .s(let recency)? = found.resumeAfter?["gsi1sk"] {
            next = PageCursor.encode(scope, [recency])
        }
        return Page(items: selected, nextCursor: next)
    }

    /// What ``collect(_:wanted:deadline:)`` read.
    private struct Collected {
        var items: [DynamoDBItem]
        /// The last key DynamoDB evaluated when the read budget ran out
        /// before `wanted` items matched and before the index ended: the
        /// listing goes on after it, so the page needs a cursor even when it
        /// holds few items or none.
        var resumeAfter: DynamoDBItem?
    }

    /// Runs `input` page after page until `wanted` items passed the filter,
    /// the partition ends, or ``maxPagesPerListing`` pages were read.
    private func collect(_ input: QueryInput, wanted: Int, deadline: Deadline) throws(StoreError) -> Collected {
        var input = input
        input.limit = max(wanted, 10)
        var items: [DynamoDBItem] = []
        var resumeAfter: DynamoDBItem?
        for _ in 0..<Self.maxPagesPerListing {
            let page: QueryPage
            do {
                page = try client.query(input, deadline: deadline)
            } catch {
                throw StoreError(error)
            }
            items.append(contentsOf: page.items)
            resumeAfter = page.lastEvaluatedKey
            guard items.count < wanted, let next = page.lastEvaluatedKey else { break }
            input.exclusiveStartKey = next
        }
        return Collected(items: Array(items.prefix(wanted)), resumeAfter: items.count < wanted ? resumeAfter : nil)
    }
}
