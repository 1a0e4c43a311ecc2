import Coaching
/// The parts of a chat completion this service uses.
struct ChatCompletionResponse: Decodable, Equatable {
    var choices: [Choice]
    /// Some servers leave usage out; it then counts as zero.
    var usage: Usage?

    enum CodingKeys: String, CodingKey {
        case choices, usage
    }

    struct Choice: Decodable, Equatable {
        var message: Message
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case message
            case finishReason = "finish_reason"
        }
    }

    struct Message: Decodable, Equatable {
        /// `null` when the model refused or only called tools.
        var content: String?
        /// OpenAI's refusal text, when the model declined to answer.
        var refusal: String?

        enum CodingKeys: String, CodingKey {
            case content, refusal
        }
    }

    struct Usage: Decodable, Equatable {
        var promptTokens: Int?
        var completionTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }

    var modelUsage: ModelUsage {
        ModelUsage(inputTokens: usage?.promptTokens ?? 0, outputTokens: usage?.completionTokens ?? 0)
    }
}

/// OpenAI's error body, `{"error": {"type": ..., "code": ...}}`, which
/// Ollama, vLLM and llama.cpp imitate. Only the identifiers are read.
struct ChatCompletionErrorBody: Decodable {
    var error: Detail

    enum CodingKeys: String, CodingKey {
        case error
    }

    struct Detail: Decodable {
        var type: String?
        var code: Identifier?
        /// The request field the error is about (`max_tokens`, say).
        var param: String?

        enum CodingKeys: String, CodingKey {
            case type, code, param
        }
    }

    /// `code` is a string at OpenAI and a number on some servers.
    struct Identifier: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                text = String(number)
            } else {
                text = try container.decode(String.self)
            }
        }
    }
}
