import Coaching

/// The body of Bedrock Runtime's `POST /model/{modelId}/converse`: the
/// system prompt apart from the turns, which alternate and start with `user`.
struct ConverseRequest: Encodable, Equatable {
    var messages: [Message]
    /// Omitted when the system prompt is empty (Bedrock rejects blank text blocks).
    var system: [TextBlock]?
    var inferenceConfig: InferenceConfiguration

    enum CodingKeys: String, CodingKey {
        case messages, system, inferenceConfig
    }

    struct Message: Encodable, Equatable {
        var role: String
        var content: [TextBlock]

        enum CodingKeys: String, CodingKey {
            case role, content
        }
    }

    struct TextBlock: Encodable, Equatable {
        var text: String

        enum CodingKeys: String, CodingKey {
            case text
        }
    }

    struct InferenceConfiguration: Encodable, Equatable {
        var maxTokens: Int
        var temperature: Double
        var topP: Double?
        var stopSequences: [String]?

        enum CodingKeys: String, CodingKey {
            case maxTokens, temperature, topP, stopSequences
        }
    }

    init(_ request: ModelRequest) {
        messages = request.messages.map { Message(role: $0.role.rawValue, content: [TextBlock(text: $0.text)]) }
        system = request.system.allSatisfy(\.isWhitespace) ? nil : [TextBlock(text: request.system)]
        inferenceConfig = InferenceConfiguration(
            maxTokens: request.maxTokens,
            temperature: request.temperature,
            topP: request.topP,
            stopSequences: request.stopSequences.isEmpty ? nil : request.stopSequences
        )
    }
}
