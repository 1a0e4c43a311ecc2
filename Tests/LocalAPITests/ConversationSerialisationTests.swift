import Foundation
@testable import LocalAPI
import LocalRuntime
import Testing

/// Which requests the local server runs one at a time, per conversation.
@Suite struct ConversationSerialisationTests {
    @Test(arguments: [
        ("POST", "/api/v1/conversations/conv-1/message", "", "conv-1"),
        ("POST", "/api/v1/conversations/conv-1/pause", "", "conv-1"),
        ("DELETE", "/api/v1/conversations/conv-1", "", "conv-1"),
        // Issue 20: percent-encoded ids bypassed the serialiser (7 conflicts in 1,152 concurrent writes).
        ("POST", "/api/v1/conversations/conv%2D1/message", "", "conv-1"),
        ("POST", "/api/v1/conversations/%63onv-1/pause", "", "conv-1"),
        ("DELETE", "/api/v1/conversations/conv%2d1", "", "conv-1"),
        ("POST", "/%61pi/v1/conversations/conv-1/message", "", "conv-1"),
        ("POST", "/api/v1/coaching/chat", #"{"message":"hi","conversation_id":"conv-2"}"#, "conv-2"),
        ("POST", "/api/v1/coaching/chat", #"{"message":"hi"}"#, nil),
        ("POST", "/api/v1/coaching/chat", "not json", nil),
        ("POST", "/api/v1/conversations/initiate", "", nil),
        ("GET", "/api/v1/conversations/conv-1", "", nil),
        ("GET", "/api/v1/health", "", nil),
        ("POST", "/elsewhere/conversations/conv-1/message", "", nil),
    ] as [(String, String, String, String?)])
    func keysWritesByConversation(method: String, path: String, body: String, key: String?) {
        let request = ServerRequest(method: method, target: path + "?x=1", body: Data(body.utf8))
        #expect(ConversationSerialisation.key(for: request) == key)
    }

    @Test func forgetsKeysOnceNobodyHoldsThem() {
        let serialiser = KeyedSerialiser()
        let inside = serialiser.run(key: "k") { serialiser.activeKeys }
        #expect(inside == 1)
        #expect(serialiser.activeKeys == 0)
        #expect(serialiser.run(key: nil) { 7 } == 7)
    }
}
