import Coaching
/// The parts of a Converse answer this service uses. Content blocks other
/// than text (reasoning, tool use) are accepted and ignored.
struct ConverseResponse: Decodable, Equatable {
    var output: Output
    var stopReason: String
    /// Absent usage counts as zero tokens rather than failing the turn.
    var usage: Usage?

    enum CodingKeys: String, CodingKey {
        case output, stopReason, usage
    }

    struct Output: Decodable, Equatable {
        var message: Message

        enum CodingKeys: String, CodingKey {
            case message
        }
    }

    struct Message: Decodable, Equatable {
        var content: [ContentBlock]

        enum CodingKeys: String, CodingKey {
            case content
        }
    }

    struct ContentBlock: Decodable, Equatable {
        var text: String?

        enum CodingKeys: String, CodingKey {
            case text
        }
    }

    struct Usage: Decodable, Equatable {
        var inputTokens: Int
        var outputTokens: Int

        enum CodingKeys: String, CodingKey {
            case inputTokens, outputTokens
        }
    }

    /// Every text block, in order, joined without separators: a model that
    /// splits its reply into blocks means them to be read as one text.
    var text: String {
        output.message.content.compactMap(\.text).joined()
    }

    var modelUsage: ModelUsage {
        usage.map { ModelUsage(inputTokens: $0.inputTokens, outputTokens: $0.outputTokens) } ?? .zero
    }
}
