/// The kinds of event this function accepts, told apart by their keys in a
/// single decoding pass:
/// - `type` + `routeArn`: an HTTP API Lambda authorizer call (checked first:
///   it also has `rawPath` and `requestContext`);
/// - `httpMethod`: REST API payload 1.0;
/// - `rawPath` + `requestContext`: HTTP API payload 2.0 or a Function URL;
/// - `user_id` + `tenant_id` (+ `message`, `source`): the Step Functions task.
enum IncomingEvent: Decodable {
    case authorizer(AuthorizerEvent)
    case httpV2(APIGatewayV2Request)
    case restV1(APIGatewayV1Request)
    /// Decoded and validated separately (it has its own strict contract).
    case stepFunctionsTask

    init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: AnyCodingKey.self)
        func has(_ key: String) -> Bool { keys.contains(AnyCodingKey(key)) }
        if has("routeArn"), has("type") {
            self = .authorizer(try AuthorizerEvent(from: decoder))
        } else if has("httpMethod") {
            self = .restV1(try APIGatewayV1Request(from: decoder))
        } else if has("rawPath"), has("requestContext") {
            self = .httpV2(try APIGatewayV2Request(from: decoder))
        } else if has("user_id") || has("tenant_id"), has("message") || has("source") {
            self = .stepFunctionsTask
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
