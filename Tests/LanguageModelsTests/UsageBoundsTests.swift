import AWSCore
import Foundation
import Coaching
import LanguageModels
import Testing
import TestSupport

/// Token counts come from the provider: absurd ones are clamped, sums never trap.
@Suite("Model usage bounds")
struct UsageBoundsTests {
    @Test("sums of huge usages saturate instead of trapping")
    func sumsSaturate() {
        let huge = ModelUsage(inputTokens: .max, outputTokens: .max)
        let sum = huge + huge + ModelUsage(inputTokens: 1, outputTokens: 1)
        #expect(sum.inputTokens >= huge.inputTokens)
        #expect(sum.outputTokens >= huge.outputTokens)
        #expect(sum.inputTokens < Int.max / 2)
    }

    @Test("counts are clamped when made: negative is 0, absurd is the ceiling")
    func countsAreClamped() {
        let usage = ModelUsage(inputTokens: -5, outputTokens: .max)
        #expect(usage.inputTokens == 0)
        #expect(usage.outputTokens > 0)
        #expect(usage.outputTokens < Int.max / 2)
        #expect(ModelUsage(inputTokens: 700, outputTokens: 42) == ModelUsage(inputTokens: 700, outputTokens: 42))
        #expect(ModelUsage(inputTokens: 700, outputTokens: 42).inputTokens == 700)
    }

    @Test("an OpenAI-compatible server reporting Int.max and negative tokens gives a bounded usage")
    func openAIUsageIsClampedAtDecoding() throws {
        let body = #"{"choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],"#
            + #""usage":{"prompt_tokens":9223372036854775807,"completion_tokens":-3}}"#
        let reply = ScriptedModelServer.Reply(status: 200, headers: [("Content-Type", "application/json")], body: body)
        let server = FakeOpenAI.server(expecting: FakeOpenAI.Expectation(), script: [reply])
        let model = try FakeOpenAI.model(baseURL: try server.start(), expectation: FakeOpenAI.Expectation(), time: VirtualTime())
        let response = try model.complete(Samples.request, deadline: .none)
        #expect(response.text == "Hi")
        #expect(response.usage.inputTokens > 0 && response.usage.inputTokens < Int.max / 2)
        #expect(response.usage.outputTokens == 0)
        let twice = response.usage + response.usage
        #expect(twice.inputTokens == response.usage.inputTokens)
    }
}
