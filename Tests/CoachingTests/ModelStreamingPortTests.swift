@testable import Coaching
import Essentials
import Testing

/// The port's default streaming: a model that cannot stream hands its whole reply over once.
@Suite struct ModelStreamingPortTests {
    @Test func aBufferedModelHandsItsWholeReplyOverOnce() throws {
        let model = FakeModel.text("One reply, in one piece.")
        var pieces: [String] = []
        let response = try model.stream(ModelRequest(system: "s", messages: [ModelMessage(role: .user, text: "hi")]), deadline: .none) { pieces.append($0) }
        #expect(pieces == ["One reply, in one piece."])
        #expect(response.text == pieces.joined())
        #expect(model.received.count == 1)
    }

    @Test func anEmptyReplyHandsNothingOver() throws {
        let model = FakeModel.text("")
        var pieces: [String] = []
        _ = try model.stream(ModelRequest(system: "s", messages: [ModelMessage(role: .user, text: "hi")]), deadline: .none) { pieces.append($0) }
        #expect(pieces.isEmpty)
    }

    @Test func aFailureBeforeAnyTextThrowsAndHandsNothingOver() {
        let model = FakeModel(.failure(.throttled))
        var pieces: [String] = []
        #expect(throws: ModelError.throttled) {
            _ = try model.stream(ModelRequest(system: "s", messages: [ModelMessage(role: .user, text: "hi")]), deadline: .none) { pieces.append($0) }
        }
        #expect(pieces.isEmpty)
    }
}
