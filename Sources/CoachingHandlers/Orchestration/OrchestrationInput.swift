import Coaching
import CoachingContracts

/// The state machine's input, encoded as JSON values (never spliced text): the body
/// fields the machine uses, from the validated request, and the verified caller.
struct OrchestrationInput: Encodable, Sendable, Equatable {
    struct Body: Encodable, Sendable, Equatable {
        var message: String
        var conversationID: String?
        var sessionID: String?
        var topic: CoachingTopic?

        enum CodingKeys: String, CodingKey {
            case message
            case conversationID = "conversation_id"
            case sessionID = "session_id"
            case topic
        }
    }

    struct Identity: Encodable, Sendable, Equatable {
        var userID: String
        var tenantID: String
        var role: String?

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case tenantID = "tenant_id"
            case role
        }
    }

    var body: Body
    var identity: Identity

    enum CodingKeys: String, CodingKey {
        case body, identity
    }

    init(request: CoachingRequest, caller: CallerIdentity) {
        body = Body(message: request.message, conversationID: request.conversationID, sessionID: request.sessionID, topic: request.topic)
        identity = Identity(userID: caller.userID, tenantID: caller.tenantID, role: caller.role)
    }

    /// A Step Functions execution name (1-80 of `A-Za-z0-9-_`) from the API request id, so
    /// the execution and the access log line share it. Other characters become `-`.
    static func executionName(requestID: String) -> String {
        let safe = requestID.unicodeScalars.prefix(80).map { scalar -> Character in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_")
                ? Character(scalar) : "-"
        }
        return safe.isEmpty ? "request" : String(safe)
    }
}
