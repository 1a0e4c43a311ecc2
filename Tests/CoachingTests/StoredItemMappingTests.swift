@testable import Coaching
import CoachingContracts
@testable import CoachingStorage
import DynamoDB
import Foundation
import Testing

/// The explicit DynamoDB form of each item: exactly the attributes the
/// generic codec wrote before it (the golden files in `StoredItems/` were
/// written by it), back to the same record, and typed errors, never a
/// crash, for items that are not what the service writes.
@Suite struct StoredItemMappingTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("StoredItems")

    static func golden(_ name: String) throws -> DynamoDBItem {
        try JSONDecoder().decode(DynamoDBItem.self, from: Data(contentsOf: directory.appendingPathComponent("\(name).json")))
    }

    @Test(arguments: StoredItemSamples.conversations.map(\.0))
    func conversationItemsMatchTheStoredFormatAndReadBack(name: String) throws {
        let record = try #require(StoredItemSamples.conversations.first { $0.0 == name }?.1)
        let stored = try Self.golden(name)
        #expect(try ConversationItem(record).attributes == stored)
        #expect(try ConversationItem(item: stored) == ConversationItem(record))
        #expect(try ConversationItem(item: stored).record == record)
    }

    @Test(arguments: StoredItemSamples.sessions.map(\.0))
    func sessionItemsMatchTheStoredFormatAndReadBack(name: String) throws {
        let record = try #require(StoredItemSamples.sessions.first { $0.0 == name }?.1)
        let stored = try Self.golden(name)
        #expect(try SessionItem(record).attributes == stored)
        #expect(try SessionItem(item: stored).record == record)
    }

    @Test(arguments: StoredItemSamples.messages.map(\.0))
    func messageItemsMatchTheStoredFormatAndReadBack(name: String) throws {
        let record = try #require(StoredItemSamples.messages.first { $0.0 == name }?.1)
        let stored = try Self.golden(name)
        #expect(MessageItem(record, key: StoredItemSamples.key).attributes == stored)
        #expect(try MessageItem(item: stored).record == record)
    }

    /// The file store writes the same structs as JSON through their
    /// `CodingKeys`: a field added to one form and not the other fails here.
    @Test func theFileAndTableFormsUseTheSameAttributeNames() throws {
        func jsonKeys(_ value: some Encodable) throws -> Set<String> {
            Set(try JSONDecoder().decode([String: JSONValue].self, from: JSONEncoder().encode(value)).keys)
        }
        let conversation = ConversationItem(StoredItemSamples.conversations[0].1)
        #expect(try jsonKeys(conversation) == Set(try conversation.attributes.keys))
        let session = SessionItem(StoredItemSamples.sessions[0].1)
        #expect(try jsonKeys(session) == Set(try session.attributes.keys))
        let message = MessageItem(StoredItemSamples.messages[0].1, key: StoredItemSamples.key)
        #expect(try jsonKeys(message) == Set(message.attributes.keys))
    }

    @Test func aMissingAttributeIsNamed() throws {
        var stored = try Self.golden("conversation-full")
        stored["version"] = nil
        #expect(throws: ItemError.missingAttribute("version")) { try ConversationItem(item: stored) }
        stored = try Self.golden("session-full")
        stored["ttl"] = .null
        #expect(throws: ItemError.missingAttribute("ttl")) { try SessionItem(item: stored) }
    }

    @Test func aWrongTypeIsNamedWithWhatWasExpected() throws {
        var conversation = try Self.golden("conversation-full")
        conversation["version"] = "13"
        #expect(throws: ItemError.wrongType(attribute: "version", expected: "N", found: "S")) { try ConversationItem(item: conversation) }
        conversation = try Self.golden("conversation-full")
        conversation["outcomes"] = ["fine", 2]
        #expect(throws: ItemError.wrongType(attribute: "outcomes[1]", expected: "S", found: "N")) { try ConversationItem(item: conversation) }
        conversation = try Self.golden("conversation-full")
        conversation["idempotency_seqs"] = .m(["0": 2])
        #expect(throws: ItemError.wrongType(attribute: "idempotency_seqs", expected: "L", found: "M")) { try ConversationItem(item: conversation) }
        var message = try Self.golden("message-assistant")
        message["fallback"] = "yes"
        #expect(throws: ItemError.wrongType(attribute: "fallback", expected: "BOOL", found: "S")) { try MessageItem(item: message) }
        message = try Self.golden("message-assistant")
        message["estimated_cost_usd"] = true
        #expect(throws: Never.self, "an attribute the item does not have is ignored") { try MessageItem(item: message) }
        var session = try Self.golden("session-full")
        session["estimated_cost_usd"] = false
        #expect(throws: ItemError.wrongType(attribute: "estimated_cost_usd", expected: "N", found: "BOOL")) { try SessionItem(item: session) }
    }

    @Test func valuesTheRecordCannotHoldAreRefused() throws {
        var conversation = try Self.golden("conversation-full")
        conversation["status"] = "archived"
        #expect(throws: ItemError.invalidValue(attribute: "status")) { try ConversationItem(item: conversation) }
        conversation = try Self.golden("conversation-full")
        conversation["message_count"] = .n(DynamoDBNumber("2.5") ?? 0)
        #expect(throws: ItemError.invalidValue(attribute: "message_count")) { try ConversationItem(item: conversation) }
        conversation = try Self.golden("conversation-full")
        conversation["idempotency_seqs"] = [1, .n(DynamoDBNumber("99999999999999999999") ?? 0)]
        #expect(throws: ItemError.invalidValue(attribute: "idempotency_seqs[1]")) { try ConversationItem(item: conversation) }
        var message = try Self.golden("message-user")
        message["role"] = "narrator"
        #expect(throws: ItemError.invalidValue(attribute: "role")) { try MessageItem(item: message) }
    }

    @Test func nullOptionalsReadAsAbsentAndIntegralNumbersInOtherFormsAreAccepted() throws {
        var message = try Self.golden("message-assistant")
        message["follow_up_question"] = .null
        message["seq"] = .n(DynamoDBNumber("2.0") ?? 0)
        let read = try MessageItem(item: message)
        #expect(read.followUpQuestion == nil)
        #expect(read.seq == 2)
    }

    @Test func aNonFiniteCostCannotBeStored() {
        var record = StoredItemSamples.sessions[0].1
        record.estimatedCostUSD = .nan
        #expect(throws: ItemError.nonFiniteNumber(attribute: "estimated_cost_usd")) { try SessionItem(record).attributes }
        var conversation = StoredItemSamples.conversations[0].1
        conversation.estimatedCostUSD = .infinity
        #expect(throws: ItemError.nonFiniteNumber(attribute: "estimated_cost_usd")) { try ConversationItem(conversation).attributes }
    }

    @Test func errorsNameTheAttributeAndNeverTheValue() {
        let error = ItemError.wrongType(attribute: "outcomes[1]", expected: "S", found: "N")
        #expect("\(error)" == "outcomes[1]: expected S, found N")
        #expect("\(ItemError.missingAttribute("ttl"))" == "ttl: missing")
    }
}

/// Any JSON value, to read an object's keys.
private enum JSONValue: Decodable {
    case value
    init(from decoder: any Decoder) throws { self = .value }
}

/// The attributes outcomes added: drafts, the confirmed outcome, the kept
/// business context and the journey as JSON text, the outcome item without `ttl`.
@Suite struct OutcomeItemMappingTests {
    static let values = CoachingOutcome(topic: .coreValues, coreValues: [
        CoreValue(name: "Craft", meaning: "We redo bad batches."), CoreValue(name: "Honesty", meaning: "We tell the truth."),
        CoreValue(name: "Care", meaning: "We feed the street."),
    ], summary: "Three values", confidence: 0.7, source: .offline, confirmedAt: ContractDate(iso8601: "2027-01-15T08:00:00.000Z"))

    @Test func aConversationWithOutcomesReadsBack() throws {
        var record = StoredItemSamples.conversations[0].1
        record.draftOutcome = Self.values
        record.outcome = Self.values
        record.businessContext = BusinessContext(kpis: [KpiContext(id: "k", name: "Waste", currentValue: 0.05, targetValue: 0.08, higherIsBetter: false)],
                                                 retrievedAt: ContractDate(iso8601: "2027-01-14"))
        record.journey = [Self.values]
        record.categoriesCovered = ["motivation", "decisions"]
        let attributes = try ConversationItem(record).attributes
        guard case .s(let json)? = attributes["outcome"] else { Issue.record("outcome is not a string attribute"); return }
        #expect(json.hasPrefix(#"{"confidence":0.7,"confirmed_at":"2027-01-15T08:00:00.000Z","core_values":[{"meaning":"We redo bad batches.","name":"Craft"}"#))
        #expect(attributes["categories_covered"] == .strings(["motivation", "decisions"]))
        #expect(try ConversationItem(item: attributes).record == record)
    }

    @Test func theOutcomeItemHasNoTTLAndReadsBack() throws {
        let record = OutcomeRecord(tenantID: "tenant-a", userID: "user-1", topic: .coreValues, conversationID: "conv-1", outcome: Self.values,
                                   confirmedAt: 1_800_000_000_000)
        let attributes = try OutcomeItem(record).attributes
        #expect(attributes["ttl"] == nil)
        #expect(attributes["pk"] == .s("TENANT#tenant-a#USER#user-1#OUTCOMES"))
        #expect(attributes["sk"] == .s("OUTCOME#core_values"))
        #expect(try OutcomeItem(item: attributes).record == record)
        var broken = attributes
        broken["outcome"] = .s("{not json")
        #expect(throws: ItemError.invalidValue(attribute: "outcome")) { try OutcomeItem(item: broken) }
    }

    @Test func replyLanguageAndStalenessAreStoredOnlyWhenNotTheDefault() throws {
        var message = StoredItemSamples.messages[0].1
        message.reply?.language = "de"
        message.reply?.businessContextStale = true
        let attributes = MessageItem(message, key: StoredItemSamples.key).attributes
        #expect(attributes["language"] == .s("de"))
        #expect(attributes["business_context_stale"] == .bool(true))
        #expect(try MessageItem(item: attributes).record == message)
    }
}
