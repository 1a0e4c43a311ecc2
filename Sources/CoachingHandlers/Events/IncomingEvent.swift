/// The kinds of event this function accepts, told apart by their keys in a
/// single decoding pass.
enum IncomingEvent: Decodable {
    case httpV2(APIGatewayV2Request)
    case restV1(APIGatewayV1Request)

    init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: AnyCodingKey.self)
        if keys.contains(AnyCodingKey("httpMethod")) {
            self = .restV1(try APIGatewayV1Request(from: decoder))
        } else if keys.contains(AnyCodingKey("rawPath")), keys.contains(AnyCodingKey("requestContext")) {
            self = .httpV2(try APIGatewayV2Request(from: decoder))
        } else {
            throw EventError.unsupportedEvent
        }
    }
}

/// A coding key made from any string, for inspecting which keys exist.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}
