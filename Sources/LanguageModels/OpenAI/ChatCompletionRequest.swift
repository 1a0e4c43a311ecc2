import Coaching
/// The body of `POST /v1/chat/completions`: the system prompt as the first
/// message, then the turns.
struct ChatCompletionRequest: Encodable, Equatable {
    var model: String
    var messages: [Message]
    var temperature: Double
    var maxTokens: Int
    var topP: Double?
    var stop: [String]?

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature
        case maxTokens = "max_tokens"
        case topP = "top_p"
        case stop
    }

    struct Message: Encodable, Equatable {
        var role: String
        var content: String

        enum CodingKeys: String, CodingKey {
            case role, content
        }
    }

    init(model: String, request: ModelRequest) {
        self.model = model
        var messages: [Message] = []
        if !request.system.allSatisfy(\.isWhitespace) {
            messages.append(Message(role: "system", content: request.system))
        }
        messages += request.messages.map { Message(role: $0.role.rawValue, content: $0.text) }
        self.messages = messages
        temperature = request.temperature
        maxTokens = request.maxTokens
        topP = request.topP
        stop = request.stopSequences.isEmpty ? nil : request.stopSequences
    }
}
