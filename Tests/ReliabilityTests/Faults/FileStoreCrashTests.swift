import Coaching
import CoachingContracts
@testable import CoachingStorage
import Foundation
import LocalRuntime
import Testing
import TestSupport

/// The file store survives its writer being killed at any moment: a real
/// `bootstrap` taking turns back to back is killed with SIGKILL at random
/// times, again and again, on the same data directory. After every kill the
/// store loads every conversation, holds every acknowledged turn exactly
/// once and in order, and a new process carries on where the last one died.
@Suite struct FileStoreCrashTests {
    static let seed: UInt64 = 0xC4A5_2026
    static let kills = 10
    static let conversations = 6

    @Test func killedWritersLoseNothingAcknowledged() throws {
        let data = try TemporaryDirectory(prefix: "reliability-crash")
        defer { data.remove() }
        let environment = ["COACHING_DATA_DIR": data.url.path]
        var random = SeededRandom(seed: Self.seed)
        let ids = try Self.startConversations(environment)
        var acknowledged: [String: [String]] = Dictionary(uniqueKeysWithValues: ids.map { ($0, []) })
        var killedMidWrite = 0, turnsAcknowledged = 0
        var temporaryFilesBefore: Set<String> = []

        for round in 0..<Self.kills {
            let turns = (0..<120).map { index -> (id: String, text: String, requestID: String) in
                let id = ids[Int.random(in: 0..<ids.count, using: &random)]
                return (id, "round \(round) turn \(index) for \(id.prefix(8))", "r\(round)-t\(index)")
            }
            let events = turns.map { turn in
                MockInvocation(requestID: turn.requestID,
                               event: Events.http("POST", "/api/v1/conversations/\(turn.id)/message", body: #"{"user_message":"\#(turn.text)"}"#))
            }
            let runtime = try RuntimeProcess(environment: environment, events: events)
            // Kill at a random moment once it is busy writing.
            _ = runtime.api.waitForOutcomes(count: 1, timeout: 20)
            usleep(useconds_t(Int.random(in: 5_000...250_000, using: &random)))
            runtime.child.kill(SIGKILL)
            #expect(runtime.child.waitForExit(timeout: 10) == 128 + SIGKILL)
            for turn in turns {
                guard let reply = runtime.api.outcome(for: turn.requestID)?.gatewayReply else { continue }
                #expect(reply.status == 200, "\(turn.requestID): \(reply.body.prefix(200))")
                acknowledged[turn.id, default: []].append(turn.text)
                turnsAcknowledged += 1
            }
            #expect(acknowledged.values.map(\.count).reduce(0, +) > 0)
            let leftovers = Set(Self.temporaryFiles(in: data.url))
            if !leftovers.subtracting(temporaryFilesBefore).isEmpty { killedMidWrite += 1 }
            temporaryFilesBefore = leftovers
            try Self.verify(StoredConversations(store: try FileConversationStore(directory: data.url.path)), acknowledged: acknowledged)
        }

        // A new process finds everything and carries on.
        let runtime = try RuntimeProcess(environment: environment)
        for id in ids {
            let detail = try runtime.http(Events.http("GET", "/api/v1/conversations/\(id)", query: ["limit": "1"]))
            let stored = try StoredConversations(store: try FileConversationStore(directory: data.url.path)).messages(id)
            #expect(try detail.data(ConversationDetail.self).summary.messageCount == stored.count)
            let next = try runtime.http(Events.http("POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"after the crashes"}"#))
            #expect(next.status == 200)
        }
        #expect(runtime.finish() == 0)
        try Self.verify(StoredConversations(store: try FileConversationStore(directory: data.url.path)),
                        acknowledged: acknowledged.mapValues { $0 + ["after the crashes"] })
        print("RELIABILITY crash-safe file store: \(Self.kills) SIGKILLs at random moments, \(turnsAcknowledged) acknowledged turns, "
              + "all present exactly once; \(killedMidWrite) kills left a temporary file behind (a write in progress), ignored on load")
    }

    /// Starts the conversations every round writes to.
    static func startConversations(_ environment: [String: String]) throws -> [String] {
        let runtime = try RuntimeProcess(environment: environment)
        let ids = try (0..<conversations).map { _ in
            try runtime.http(Events.http("POST", "/api/v1/conversations/initiate", body: #"{"topic":"goals"}"#))
                .data(InitiateConversationResponse.self).conversationID
        }
        #expect(runtime.finish() == 0)
        return ids
    }

    /// Every conversation loads; messages are numbered 1...n without gaps, the
    /// opening then user/coach pairs; each acknowledged turn is there once,
    /// in the order it was acknowledged.
    static func verify(_ stored: StoredConversations, acknowledged: [String: [String]]) throws {
        for (id, texts) in acknowledged {
            let messages = try stored.messages(id)
            #expect(messages.map(\.seq) == Array(1...messages.count), "\(id): gaps")
            #expect(try stored.header(id)?.messageCount == messages.count, "\(id): header count")
            #expect(messages.first?.role == .assistant)
            let pairs = messages.dropFirst()
            #expect(pairs.count % 2 == 0, "\(id): a turn was half-written")
            #expect(pairs.enumerated().allSatisfy { $0.element.role == ($0.offset % 2 == 0 ? .user : .assistant) }, "\(id): roles")
            let userTexts = messages.filter { $0.role == .user }.map(\.content)
            for text in texts { #expect(userTexts.filter { $0 == text }.count == 1, "\(id): \(text)") }
            #expect(userTexts.filter { texts.contains($0) } == texts, "\(id): order")
        }
    }

    /// Temporary files a killed write left behind.
    static func temporaryFiles(in root: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if (path as NSString).lastPathComponent.hasPrefix(".tmp-") { found.append(path) }
        }
        return found
    }
}
