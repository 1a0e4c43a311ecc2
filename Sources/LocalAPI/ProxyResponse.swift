import CurlHTTP
import FoundationEssentials
import HTTPTypes
import LocalRuntime

/// What a Lambda function returns to an HTTP API (payload format 2.0).
struct ProxyResponse: Decodable, Sendable {
    var statusCode: Int?
    var headers: [String: String]?
    var multiValueHeaders: [String: [String]]?
    var cookies: [String]?
    var body: String?
    var isBase64Encoded: Bool?

    enum CodingKeys: String, CodingKey {
        case statusCode, headers, multiValueHeaders, cookies, body, isBase64Encoded
    }

    private static let decoder = JSONDecoder()

    /// Why a function's output cannot become an HTTP response; API Gateway
    /// answers 502 then.
    enum Failure: Error, Equatable {
        case notAnObject
        case invalidStatus(Int)
        case invalidBase64
    }

    /// Turns the function's output into the HTTP response API Gateway would
    /// send. Output without `statusCode` is, as in API Gateway, a 200 whose
    /// JSON body is the output itself.
    static func httpResponse(from output: Data) throws(Failure) -> ServerResponse {
        guard let proxy = try? decoder.decode(ProxyResponse.self, from: output) else { throw .notAnObject }
        guard let status = proxy.statusCode else {
            return ServerResponse(status: 200, headers: ["content-type": "application/json"], body: output)
        }
        guard (100...599).contains(status) else { throw .invalidStatus(status) }
        var headers = HTTPHeaders()
        for (name, value) in (proxy.headers ?? [:]).sorted(by: { $0.key < $1.key }) {
            headers.add(name: name, value: value)
        }
        for (name, values) in (proxy.multiValueHeaders ?? [:]).sorted(by: { $0.key < $1.key }) where headers[name] == nil {
            for value in values { headers.add(name: name, value: value) }
        }
        for cookie in proxy.cookies ?? [] { headers.add(name: "set-cookie", value: cookie) }
        let text = proxy.body ?? ""
        let body: Data
        if proxy.isBase64Encoded ?? false {
            guard let decoded = Data(base64Encoded: text) else { throw .invalidBase64 }
            body = decoded
        } else {
            body = Data(text.utf8)
        }
        return ServerResponse(status: status, headers: headers, body: body)
    }
}
