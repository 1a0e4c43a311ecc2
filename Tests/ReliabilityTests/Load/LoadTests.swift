import Coaching
import CoachingContracts
import Foundation
import LocalRuntime
import Testing
import TestSupport

/// 1,000 turns over 50 conversations from 4 concurrent `bootstrap`
/// processes against moto's DynamoDB: every acknowledged message is stored
/// exactly once, each followed by its reply, in each process's order; turns
/// refused after retries (409) store nothing. Figures are printed.
@Suite struct LoadTests {
    static let processes = 4
    static let conversations = 50
    static let turnsPerProcess = 250
    static let seed: UInt64 = 0x10AD_2026

    struct Turn {
        var process: Int
        var conversationID: String
        var text: String
        var requestID: String
        var event: Data
    }

    @Test func aThousandConcurrentTurnsAreStoredExactlyOnceAndInOrder() throws {
        // A moto of its own: the load does not slow the other tests, and its log counts this test's conflicts.
        let moto = try MotoServer.dedicated()
        defer { moto.stop() }
        let tables = try MotoCoachingTables(moto: moto)
        let runtimes = try (0..<Self.processes).map { _ in try RuntimeProcess(environment: tables.environment()) }
        let ids = try (0..<Self.conversations).map { index in
            try runtimes[index % Self.processes].http(Events.http("POST", "/api/v1/conversations/initiate", body: #"{"topic":"purpose"}"#))
                .data(InitiateConversationResponse.self).conversationID
        }
        let plans = Self.plan(ids)
        let started = Date()
        for (process, turns) in plans.enumerated() {
            for turn in turns { runtimes[process].api.enqueue(MockInvocation(requestID: turn.requestID, event: turn.event)) }
        }
        let answered = runtimes.enumerated().map { process, runtime in
            let initiated = (0..<Self.conversations).filter { $0 % Self.processes == process }.count
            return runtime.api.waitForOutcomes(count: initiated + Self.turnsPerProcess, timeout: 120)
        }
        let seconds = Date().timeIntervalSince(started)
        let allRunning = runtimes.allSatisfy { $0.isRunning }
        #expect(allRunning)

        var tally = Tally()
        for (process, turns) in plans.enumerated() {
            for turn in turns { tally.record(turn, runtimes[process].api.outcome(for: turn.requestID)) }
        }
        #expect(answered.map(\.count).reduce(0, +) >= Self.conversations + Self.processes * Self.turnsPerProcess)
        #expect(tally.unanswered == 0)
        #expect(tally.unexpected.isEmpty, "\(tally.unexpected.prefix(5))")

        let verdict = try Self.verify(tables.stored, ids: ids, plans: plans, tally: tally)
        #expect(verdict.lost == 0 && verdict.duplicated == 0 && verdict.storedUnacknowledged == 0 && verdict.outOfOrder == 0)
        // Writers did collide: moto cancelled transactions whose version check lost, and the turns were retried.
        let conflictsRetried = Self.cancelledTransactions(in: moto.logPath)
        #expect(conflictsRetried > 0)
        let exitStatuses = runtimes.map { $0.finish() }
        #expect(exitStatuses == Array(repeating: 0, count: Self.processes))
        let total = Self.processes * Self.turnsPerProcess
        print("RELIABILITY load: \(total) turns over \(Self.conversations) conversations from \(Self.processes) bootstrap processes against moto "
              + "in \(String(format: "%.1f", seconds)) s (\(String(format: "%.1f", Double(total) / seconds)) turns/s); "
              + "\(conflictsRetried) write conflicts retried, \(tally.acknowledged.count) acknowledged, \(tally.conflicts) refused 409 after retries, "
              + "\(tally.unexpected.count) other errors; "
              + "stored: \(verdict.lost) lost, \(verdict.duplicated) duplicated, \(verdict.storedUnacknowledged) stored but refused, "
              + "\(verdict.outOfOrder) out of order")
    }

    /// Requests moto answered 400 (here: transactions cancelled by the version check).
    static func cancelledTransactions(in logPath: String) -> Int {
        ((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "").components(separatedBy: "\" 400 ").count - 1
    }

    /// Each process's turns: half go to the conversation every process is
    /// writing at that step (so concurrent writers collide), half anywhere.
    static func plan(_ ids: [String]) -> [[Turn]] {
        var random = SeededRandom(seed: seed)
        var plans: [[Turn]] = Array(repeating: [], count: processes)
        for step in 0..<turnsPerProcess {
            let hot = ids[(step * 7) % ids.count]
            for process in 0..<processes {
                let id = random.chance(0.5) ? hot : ids[Int.random(in: 0..<ids.count, using: &random)]
                let text = "load-p\(process)-s\(step)"
                let event = step % 2 == 0
                    ? Events.http("POST", "/api/v1/conversations/\(id)/message", body: #"{"user_message":"\#(text)"}"#)
                    : Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"\#(text)","conversation_id":"\#(id)"}"#)
                plans[process].append(Turn(process: process, conversationID: id, text: text, requestID: "p\(process)-s\(step)", event: event))
            }
        }
        return plans
    }

    struct Tally {
        var acknowledged: Set<String> = []
        var refused: Set<String> = []
        var conflicts = 0
        var unanswered = 0
        var unexpected: [String] = []

        mutating func record(_ turn: Turn, _ outcome: InvocationOutcome?) {
            guard let outcome else {
                unanswered += 1
                return
            }
            guard let reply = outcome.gatewayReply else {
                unexpected.append("\(turn.requestID): \(outcome.summary)")
                return
            }
            switch reply.status {
            case 200: acknowledged.insert(turn.text)
            case 409 where reply.error?.errorCode == "CONFLICT":
                conflicts += 1
                refused.insert(turn.text)
            default:
                refused.insert(turn.text)
                unexpected.append("\(turn.requestID): \(reply.status) \(reply.body.prefix(200))")
            }
        }
    }

    struct Verdict {
        var lost = 0, duplicated = 0, storedUnacknowledged = 0, outOfOrder = 0
    }

    /// Reads every conversation back and compares it with what was acknowledged.
    static func verify(_ stored: StoredConversations, ids: [String], plans: [[Turn]], tally: Tally) throws -> Verdict {
        var verdict = Verdict()
        var seen: Set<String> = []
        for id in ids {
            let messages = try stored.messages(id)
            #expect(messages.map(\.seq) == Array(1...messages.count), "\(id): sequence numbers")
            #expect(try stored.header(id)?.messageCount == messages.count, "\(id): header count")
            let turns = Array(messages.dropFirst())
            #expect(turns.count % 2 == 0, "\(id): a half-written turn")
            for pair in stride(from: 0, to: turns.count - 1, by: 2) {
                #expect(turns[pair].role == .user && turns[pair + 1].role == .assistant, "\(id): message \(pair + 2)")
                #expect(turns[pair + 1].createdAt == turns[pair].createdAt, "\(id): reply \(pair + 3) was not written with \(pair + 2)")
            }
            let userTexts = turns.filter { $0.role == .user }.map(\.content)
            for text in userTexts {
                if seen.contains(text) { verdict.duplicated += 1 }
                seen.insert(text)
                if !tally.acknowledged.contains(text) { verdict.storedUnacknowledged += 1 }
            }
            // Each process's acknowledged turns to this conversation, in the order it sent them.
            for plan in plans {
                let sent = plan.filter { $0.conversationID == id && tally.acknowledged.contains($0.text) }.map(\.text)
                let storedOrder = userTexts.filter { text in sent.contains(text) }
                if storedOrder != sent { verdict.outOfOrder += 1 }
            }
        }
        verdict.lost = tally.acknowledged.subtracting(seen).count
        return verdict
    }
}
