import Coaching
/// The body of `POST /v1/chat/completions`: the system prompt as the first
/// message (or at the head of the first user turn), then the turns; the
/// token limit as `max_tokens` or `max_completion_tokens`.
struct ChatCompletionRequest: Encodable, Equatable {
    var model: String
    var messages: [Message]
    var temperature: Double
    var maxTokens: Int?
    var maxCompletionTokens: Int?
    var topP: Double?
    var stop: [String]?

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
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

    init(
        model: String, request: ModelRequest, tokenLimitField: OpenAIRequestOptions.TokenLimitField = .maxTokens,
        systemPrompt: OpenAIRequestOptions.SystemPromptPlacement = .systemMessage
    ) {
        self.model = model
        var messages = request.messages.map { Message(role: $0.role.rawValue, content: $0.text) }
        if !request.system.allSatisfy(\.isWhitespace) {
            if systemPrompt == .firstUserTurn, let first = messages.indices.first, messages[first].role == ModelRole.user.rawValue {
                messages[first].content = request.system + "\n\n" + messages[first].content
            } else {
                messages.insert(Message(role: "system", content: request.system), at: 0)
            }
        }
        self.messages = messages
        temperature = request.temperature
        switch tokenLimitField {
        case .maxCompletionTokens: maxCompletionTokens = request.maxTokens
        case .maxTokens, .automatic: maxTokens = request.maxTokens
        }
        topP = request.topP
        stop = request.stopSequences.isEmpty ? nil : request.stopSequences
    }
}
