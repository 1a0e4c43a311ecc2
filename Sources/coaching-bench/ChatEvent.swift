import CoachingContracts
import FoundationEssentials

/// The API Gateway v2 events the chat benchmark sends: the sample event's
/// identity, headers and body, with `conversation_id` and `message` set per turn.
struct ChatEvent: Encodable {
    var version = "2.0"
    var routeKey = "POST /api/v1/coaching/chat"
    var rawPath = "/api/v1/coaching/chat"
    var rawQueryString = ""
    var headers: [String: String]
    var requestContext: RequestContext
    var body: String
    var isBase64Encoded = false

    enum CodingKeys: String, CodingKey {
        case version, routeKey, rawPath, rawQueryString, headers, requestContext, body, isBase64Encoded
    }

    struct RequestContext: Encodable {
        var requestId: String
        var routeKey = "POST /api/v1/coaching/chat"
        var stage = "$default"
        var http = HTTP()
        var authorizer: Authorizer

        enum CodingKeys: String, CodingKey {
            case requestId, routeKey, stage, http, authorizer
        }
    }

    struct HTTP: Encodable {
        var method = "POST"
        var path = "/api/v1/coaching/chat"
        var protocolName = "HTTP/1.1"
        var sourceIp = "203.0.113.10"

        enum CodingKeys: String, CodingKey {
            case method, path, sourceIp
            case protocolName = "protocol"
        }
    }

    struct Authorizer: Codable {
        var lambda: [String: String]

        enum CodingKeys: String, CodingKey {
            case lambda
        }
    }

    /// What the benchmark takes from events/http/coaching-chat.json.
    struct Sample: Decodable {
        var headers: [String: String]
        var body: String
        var requestContext: SampleContext

        struct SampleContext: Decodable {
            var authorizer: Authorizer

            enum CodingKeys: String, CodingKey {
                case authorizer
            }
        }

        enum CodingKeys: String, CodingKey {
            case headers, body, requestContext
        }

        static func load(_ path: String) throws -> Sample {
            try JSONDecoder().decode(Sample.self, from: Data(contentsOf: URL(filePath: path)))
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func make(sample: Sample, conversationID: String?, message: String) throws -> Data {
        var request = try CoachingRequest.validate(json: sample.body)
        request.conversationID = conversationID
        request.message = message
        let event = ChatEvent(
            headers: sample.headers,
            requestContext: RequestContext(requestId: UUID().uuidString, authorizer: sample.requestContext.authorizer),
            body: String(decoding: try encoder.encode(request), as: UTF8.self)
        )
        return try encoder.encode(event)
    }

    /// The conversation id of a successful chat response; anything else fails the benchmark.
    static func conversationID(in response: Data) throws -> String {
        let gateway = try JSONDecoder().decode(GatewayReply.self, from: response)
        guard gateway.statusCode == 200 else {
            throw BenchmarkError.failed("chat turn answered \(gateway.statusCode): \(gateway.body.prefix(300))")
        }
        return try JSONDecoder().decode(ChatReply.self, from: Data(gateway.body.utf8)).data.conversationID
    }

    private struct GatewayReply: Decodable {
        var statusCode: Int
        var body: String

        enum CodingKeys: String, CodingKey {
            case statusCode, body
        }
    }

    private struct ChatReply: Decodable {
        var data: Payload

        struct Payload: Decodable {
            var conversationID: String

            enum CodingKeys: String, CodingKey {
                case conversationID = "conversation_id"
            }
        }

        enum CodingKeys: String, CodingKey {
            case data
        }
    }
}
