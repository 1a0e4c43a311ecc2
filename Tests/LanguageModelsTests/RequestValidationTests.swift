import Coaching
import LanguageModels
import Testing

@Suite("Model request validation")
struct RequestValidationTests {
    static let user = ModelMessage(role: .user, text: "Hello")
    static let assistant = ModelMessage(role: .assistant, text: "Hi, what brings you here?")

    @Test("well-formed requests pass")
    func valid() throws {
        try Samples.request.validate()
        try ModelRequest(system: "", messages: [Self.user], maxTokens: 1, temperature: 0).validate()
    }

    @Test("malformed requests are rejected, by position, never quoting the text", arguments: [
        (ModelRequest(system: "s", messages: []), "the request has no messages"),
        (ModelRequest(system: "s", messages: [assistant, user]), "the first message must come from the user"),
        (ModelRequest(system: "s", messages: [user, user]), "messages must alternate between user and assistant (message 1)"),
        (ModelRequest(system: "s", messages: [user, assistant, ModelMessage(role: .user, text: " \n")]), "message 2 is blank"),
        (ModelRequest(system: "s", messages: [user], maxTokens: 0), "maxTokens must be positive"),
        (ModelRequest(system: "s", messages: [user], temperature: -1), "temperature must be a non-negative number"),
        (ModelRequest(system: "s", messages: [user], temperature: .infinity), "temperature must be a non-negative number"),
        (ModelRequest(system: "s", messages: [user], topP: 0), "topP must be in (0, 1]"),
    ])
    func invalid(request: ModelRequest, reason: String) {
        #expect(throws: ModelError.rejected(reason)) { try request.validate() }
    }

    @Test("error codes are stable and descriptions carry no more than the detail")
    func errorCodes() {
        #expect(ModelError.throttled.description == "ModelThrottled")
        #expect(ModelError.timedOut.isTransient)
        #expect(ModelError.rejected("x").description == "ModelRejected: x")
        #expect(!ModelError.notFound("x").isTransient)
    }
}
