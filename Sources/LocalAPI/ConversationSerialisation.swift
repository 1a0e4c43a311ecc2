import Essentials
import FoundationEssentials
import LocalRuntime

/// Which requests of the coaching API change a conversation, and which one:
/// the local server runs those one at a time per conversation, so parallel
/// clients of one conversation queue up instead of racing each other into
/// `409 CONFLICT` after the store's retries run out.
package enum ConversationSerialisation {
    /// The conversation id a request writes to, if any: `POST`/`DELETE`
    /// under `/api/v1/conversations/{id}`, and `POST /api/v1/coaching/chat`
    /// with a `conversation_id` in its body.
    @Sendable package static func key(for request: ServerRequest) -> String? {
        let method = request.method.uppercased()
        guard method == "POST" || method == "DELETE" else { return nil }
        // Decoded as the router decodes them: `conv%2D1` and `conv-1` are one
        // conversation, so they must queue behind each other.
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map { $0.removingPercentEncoding() ?? String($0) }
        guard parts.count >= 3, parts[0] == "api", parts[1] == "v1" else { return nil }
        if parts.count >= 4, parts[2] == "conversations", parts[3] != "initiate" {
            return parts[3]
        }
        if parts.count == 4, parts[2] == "coaching", parts[3] == "chat" {
            return (try? JSONDecoder().decode(ChatTarget.self, from: request.body))?.conversationID
        }
        return nil
    }

    /// The one field of a chat body that names its conversation.
    private struct ChatTarget: Decodable {
        var conversationID: String?

        enum CodingKeys: String, CodingKey {
            case conversationID = "conversation_id"
        }
    }
}
