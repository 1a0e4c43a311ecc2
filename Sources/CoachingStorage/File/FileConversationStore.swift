import AWSCore
import Coaching
import CoachingContracts
import Essentials
import FoundationEssentials

/// A ``ConversationStore`` in plain files: the embedded default when no
/// DynamoDB table is configured, so the service runs with no AWS at all.
///
/// Layout under the root (ids hex-encoded, so no id can name a path; see
/// ``fileName(_:)`` for long ids):
/// `tenants/<tenant>/conversations/<id>.json` holds the header, the session
/// and every message; `tenants/<tenant>/sessions/<id>` names the
/// conversation a session belongs to. Each file is replaced atomically
/// (``AtomicFile``); writers to one conversation are serialised with `flock`
/// and the header's version, across threads and processes.
package final class FileConversationStore: ConversationStore {
    private let root: String
    private let clock: any EpochClock
    private let encoder: JSONEncoder
    private let decoder = JSONDecoder()

    package init(directory: String, clock: any EpochClock = SystemClock()) throws(StoreError) {
        root = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        self.clock = clock
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.createDirectory(root + "/tenants")
    }

    private var nowSeconds: Int64 { clock.nowEpochMilliseconds() / 1000 }

    // MARK: Paths

    private func tenantDirectory(_ tenantID: String) -> String { "\(root)/tenants/\(Self.fileName(tenantID))" }

    private func conversationPath(_ key: ConversationKey) -> String {
        "\(tenantDirectory(key.tenantID))/conversations/\(Self.fileName(key.conversationID)).json"
    }

    private func sessionIndexPath(tenantID: String, sessionID: String) -> String {
        "\(tenantDirectory(tenantID))/sessions/\(Self.fileName(sessionID))"
    }

    /// `tenants/<tenant>/outcomes/<user>/<topic>.json`: the user's confirmed outcome of a topic (no expiry).
    private func outcomeDirectory(tenantID: String, userID: String) -> String {
        "\(tenantDirectory(tenantID))/outcomes/\(Self.fileName(userID))"
    }

    /// Ids up to this many bytes are stored under their hex encoding.
    static let maxHexNamedBytes = 100

    /// The file name for an id: its hex encoding, which any id of up to
    /// ``maxHexNamedBytes`` bytes keeps within the 255-byte limit of a file
    /// name (with `.json.lock` added); a longer id (ids go up to 128
    /// characters) is named by its SHA-256, `sha256-<64 hex digits>`, which no
    /// hex encoding can equal.
    static func fileName(_ value: String) -> String {
        value.utf8.count <= maxHexNamedBytes ? value.utf8.hexEncodedString() : "sha256-" + SHA256.hexDigest(value.utf8)
    }

    // MARK: Documents

    private func document(at path: String) throws(StoreError) -> ConversationDocument? {
        guard let data = try AtomicFile.read(path) else { return nil }
        do {
            return try decoder.decode(ConversationDocument.self, from: data)
        } catch {
            throw .corruptRecord("a conversation file cannot be decoded")
        }
    }

    private func liveDocument(_ key: ConversationKey) throws(StoreError) -> ConversationDocument? {
        guard let document = try document(at: conversationPath(key)), document.conversation.ttl > nowSeconds else { return nil }
        return document
    }

    // MARK: ConversationStore

    package func save(_ write: ConversationWrite, deadline: Deadline) throws(StoreError) {
        let key = write.conversation.key
        let directory = "\(tenantDirectory(key.tenantID))/conversations"
        try AtomicFile.createDirectory(directory)
        try AtomicFile.createDirectory("\(tenantDirectory(key.tenantID))/sessions")
        let path = conversationPath(key)
        let wait = deadline.remainingMilliseconds(at: clock.nowEpochMilliseconds()).map { max(0, $0) }
        try AtomicFile.withExclusiveLock(path + ".lock", waitingAtMost: wait) { () throws(StoreError) in
            var document: ConversationDocument
            let existing = try liveDocument(key)
            var writtenIndex: String?
            switch write.expectedVersion {
            case nil:
                let sessionIndex = sessionIndexPath(tenantID: write.session.tenantID, sessionID: write.session.sessionID)
                guard existing == nil, try !sessionIndexIsTaken(sessionIndex, tenantID: write.session.tenantID) else { throw .alreadyExists }
                try AtomicFile.write(Data(key.conversationID.utf8), to: sessionIndex)
                writtenIndex = sessionIndex
                document = ConversationDocument(
                    conversation: ConversationItem(write.conversation), session: SessionItem(write.session), messages: []
                )
            case let expected?:
                guard let existing, existing.conversation.version == expected else { throw .conflict }
                document = existing
                document.conversation = ConversationItem(write.conversation)
                document.session = SessionItem(write.session)
            }
            let taken = Set(document.messages.map(\.seq))
            guard write.newMessages.allSatisfy({ !taken.contains($0.seq) }) else { throw .conflict }
            document.messages += write.newMessages.map { MessageItem($0, key: key) }
            do throws(StoreError) {
                let data: Data
                do {
                    data = try encoder.encode(document)
                } catch {
                    throw .corruptRecord("a conversation cannot be encoded")
                }
                // The outcome file first: if the conversation write then fails, the
                // owner's confirmed result is kept and the turn can be retried.
                if let outcome = write.confirmedOutcome { try saveOutcome(outcome) }
                try AtomicFile.write(data, to: path)
            } catch {
                // A creation that could not write its document (disk full, say) leaves no index behind.
                if let writtenIndex { AtomicFile.remove(writtenIndex) }
                throw error
            }
        }
    }

    /// Whether a session index names a conversation that exists. An index
    /// whose conversation document never followed (the process died, or the
    /// disk filled, between the two writes) is stale: the creation it began
    /// may complete, so that a retry with the same derived ids succeeds.
    private func sessionIndexIsTaken(_ indexPath: String, tenantID: String) throws(StoreError) -> Bool {
        guard let indexed = try AtomicFile.read(indexPath) else { return false }
        let owner = ConversationKey(tenantID: tenantID, conversationID: String(decoding: indexed, as: UTF8.self))
        return try liveDocument(owner) != nil
    }

    private func saveOutcome(_ outcome: OutcomeRecord) throws(StoreError) {
        let directory = outcomeDirectory(tenantID: outcome.tenantID, userID: outcome.userID)
        try AtomicFile.createDirectory("\(tenantDirectory(outcome.tenantID))/outcomes")
        try AtomicFile.createDirectory(directory)
        let data: Data
        do {
            data = try encoder.encode(OutcomeItem(outcome))
        } catch {
            throw .corruptRecord("an outcome cannot be encoded")
        }
        try AtomicFile.write(data, to: "\(directory)/\(outcome.topic.rawValue).json")
    }

    package func outcomes(tenantID: String, userID: String, deadline: Deadline) throws(StoreError) -> [OutcomeRecord] {
        let directory = outcomeDirectory(tenantID: tenantID, userID: userID)
        var records: [OutcomeRecord] = []
        for topic in CoachingTopic.allCases {
            guard let data = try AtomicFile.read("\(directory)/\(topic.rawValue).json") else { continue }
            do {
                records.append(try decoder.decode(OutcomeItem.self, from: data).record)
            } catch {
                throw .corruptRecord("an outcome file cannot be decoded")
            }
        }
        return records
    }

    package func load(_ key: ConversationKey, recentMessages: Int, deadline: Deadline) throws(StoreError) -> ConversationSnapshot? {
        guard let document = try liveDocument(key) else { return nil }
        let now = nowSeconds
        let messages = document.messages.filter { $0.ttl > now }.sorted { $0.seq < $1.seq }.suffix(recentMessages)
        return ConversationSnapshot(conversation: document.conversation.record, recentMessages: messages.map(\.record))
    }

    package func message(_ key: ConversationKey, seq: Int, deadline: Deadline) throws(StoreError) -> MessageRecord? {
        let now = nowSeconds
        return try liveDocument(key)?.messages.first { $0.seq == seq && $0.ttl > now }?.record
    }

    package func messages(_ key: ConversationKey, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<MessageRecord> {
        let now = nowSeconds
        let all = (try liveDocument(key)?.messages ?? []).filter { $0.ttl > now }.map(\.record)
        return try SequencePaging.page(all, scope: SequencePaging.scope(key, page), request: page)
    }

    package func conversations(
        tenantID: String, userID: String, filter: ConversationFilter, page: PageRequest, deadline: Deadline
    ) throws(StoreError) -> Page<ConversationRecord> {
        let records = try documents(tenantID: tenantID).map(\.conversation.record)
            .filter { $0.userID == userID && filter.matches($0) }
        return try RecencyPaging.page(records, scope: .conversations(tenantID: tenantID, userID: userID), request: page) {
            StorageKeys.recencySortKey(epochMilliseconds: $0.updatedAt, id: $0.conversationID)
        }
    }

    package func session(tenantID: String, sessionID: String, deadline: Deadline) throws(StoreError) -> SessionRecord? {
        guard let data = try AtomicFile.read(sessionIndexPath(tenantID: tenantID, sessionID: sessionID)) else { return nil }
        let key = ConversationKey(tenantID: tenantID, conversationID: String(decoding: data, as: UTF8.self))
        guard let session = try liveDocument(key)?.session, session.sessionID == sessionID, session.ttl > nowSeconds else {
            return nil
        }
        return session.record
    }

    package func sessions(tenantID: String, userID: String, page: PageRequest, deadline: Deadline) throws(StoreError) -> Page<SessionRecord> {
        let now = nowSeconds
        let records = try documents(tenantID: tenantID).map(\.session).filter { $0.userID == userID && $0.ttl > now }.map(\.record)
        return try RecencyPaging.page(records, scope: .sessions(tenantID: tenantID, userID: userID), request: page) {
            StorageKeys.recencySortKey(epochMilliseconds: $0.startedAt, id: $0.sessionID)
        }
    }

    package func checkReadiness(deadline: Deadline) throws(StoreError) {
        try AtomicFile.createDirectory(root + "/tenants")
    }

    private func documents(tenantID: String) throws(StoreError) -> [ConversationDocument] {
        let directory = "\(tenantDirectory(tenantID))/conversations"
        let now = nowSeconds
        var result: [ConversationDocument] = []
        for name in AtomicFile.list(directory) where name.hasSuffix(".json") {
            if let document = try document(at: "\(directory)/\(name)"), document.conversation.ttl > now {
                result.append(document)
            }
        }
        return result
    }
}
