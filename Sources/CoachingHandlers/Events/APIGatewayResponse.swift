/// The proxy response both API Gateway payload formats and Function URLs accept.
struct APIGatewayResponse: Encodable {
    var statusCode: Int
    var headers: [String: String]
    var body: String
    var isBase64Encoded: Bool

    enum CodingKeys: String, CodingKey {
        case statusCode, headers, body, isBase64Encoded
    }
}
