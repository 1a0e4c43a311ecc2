import Coaching
import CoachingContracts
@testable import CoachingStorage
import Foundation
import LocalRuntime
import Testing
import TestSupport

/// The language model failing or too slow for the Lambda deadline: the
/// offline coach answers instead (`fallback: true`), in time, and the turn
/// is stored exactly once.
@Suite struct ModelFaultTests {
    private func runtime(_ model: FakeModelServer, data: TemporaryDirectory, timeoutMilliseconds: Int) throws -> RuntimeProcess {
        let environment = model.environment(baseURL: try model.start(), timeoutMilliseconds: timeoutMilliseconds)
            .merging(["COACHING_DATA_DIR": data.url.path]) { $1 }
        return try RuntimeProcess(environment: environment)
    }

    @Test func aFailingModelFallsBackToTheOfflineCoach() throws {
        let data = try TemporaryDirectory(prefix: "reliability-model")
        defer { data.remove() }
        let model = FakeModelServer(.fail(status: 500))
        defer { model.stop() }
        let runtime = try runtime(model, data: data, timeoutMilliseconds: 4_000)
        let text = "How do we keep our best people?"
        let reply = try runtime.http(Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"\#(text)","topic":"core_values"}"#))
        #expect(reply.status == 200)
        let response = try reply.data(CoachingResponse.self)
        #expect(response.metadata.fallback)
        #expect(response.metadata.model == "offline")
        #expect(!response.message.isEmpty)
        // 500s are retried, within the retry budget.
        #expect((2...4).contains(model.attempts), "\(model.attempts) attempts")
        let stored = StoredConversations(store: try FileConversationStore(directory: data.url.path))
        #expect(try stored.messages(response.conversationID).map(\.role) == [.user, .assistant])
        #expect(try stored.count(of: text, in: response.conversationID) == 1)
        #expect(try stored.messages(response.conversationID).last?.reply?.fallback == true)
        #expect(runtime.logLines.contains { $0.contains("model failed; the offline coach answered") && $0.contains(#""level":"WARN""#) })

        // Step Functions turns fall back the same way.
        let task = try runtime.invoke(Events.task(message: "And for the orchestrated path?", conversationID: response.conversationID))
        let taskResponse = try JSONDecoder().decode(CoachingResponse.self, from: try #require(task.responseBody))
        #expect(taskResponse.metadata.fallback)
        #expect(try stored.messages(response.conversationID).count == 4)
        #expect(runtime.finish() == 0)
    }

    @Test func aModelSlowerThanTheDeadlineFallsBackInTime() throws {
        let data = try TemporaryDirectory(prefix: "reliability-slow-model")
        defer { data.remove() }
        let model = FakeModelServer(.slow(milliseconds: 6_000, reply: "Too late to matter."))
        defer { model.stop() }
        let runtime = try runtime(model, data: data, timeoutMilliseconds: 30_000)
        let text = "Where should we focus this quarter?"
        let started = Date()
        let reply = try runtime.http(Events.http("POST", "/api/v1/coaching/chat", body: #"{"message":"\#(text)"}"#),
                                     deadline: .some(String(DynamoDBFaultTests.epochMilliseconds(after: 3))))
        let elapsed = Date().timeIntervalSince(started)
        #expect(reply.status == 200)
        #expect(elapsed < 3, "answered after \(elapsed) s, past the 3 s deadline")
        let response = try reply.data(CoachingResponse.self)
        #expect(response.metadata.fallback)
        #expect(response.metadata.model == "offline")
        #expect(!response.message.contains("Too late"))
        let stored = StoredConversations(store: try FileConversationStore(directory: data.url.path))
        #expect(try stored.messages(response.conversationID).count == 2)
        #expect(try stored.count(of: text, in: response.conversationID) == 1)
        #expect(runtime.finish() == 0)
    }
}
