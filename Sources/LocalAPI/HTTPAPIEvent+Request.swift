import CurlHTTP
import FoundationEssentials
import LocalRuntime

extension HTTPAPIEvent {
    /// The event API Gateway would send for `request`, received at `epochMilliseconds`.
    init(_ request: ServerRequest, requestID: String, epochMilliseconds: Int64) {
        var headers: [String: String] = [:]
        var cookies: [String] = []
        for field in request.headers {
            let name = field.name.lowercased()
            if name == "cookie" {
                cookies += field.value.split(separator: ";").map { String($0).trimmingHTTPWhitespace() }.filter { !$0.isEmpty }
                continue
            }
            headers[name] = headers[name].map { "\($0),\(field.value)" } ?? field.value
        }
        let query = QueryString.parameters(request.query)
        let host = headers["host"] ?? "localhost"
        let body = Self.encodeBody(request.body)
        self.init(
            rawPath: request.path,
            rawQueryString: request.query,
            cookies: cookies.isEmpty ? nil : cookies,
            headers: headers,
            queryStringParameters: query.isEmpty ? nil : query,
            requestContext: RequestContext(
                domainName: host,
                domainPrefix: String(host.split(separator: ".").first ?? Substring(host)),
                http: HTTP(method: request.method.uppercased(), path: request.path, protocol: "HTTP/1.1",
                           sourceIp: request.remoteAddress, userAgent: headers["user-agent"] ?? ""),
                requestId: requestID,
                time: GatewayTime.format(epochMilliseconds: epochMilliseconds),
                timeEpoch: epochMilliseconds
            ),
            body: body.text,
            isBase64Encoded: body.isBase64
        )
    }

    /// UTF-8 bodies go as text, anything else as base64, as API Gateway does
    /// for binary payloads.
    static func encodeBody(_ body: Data) -> (text: String?, isBase64: Bool) {
        guard !body.isEmpty else { return (nil, false) }
        if let text = String(validating: body, as: UTF8.self) { return (text, false) }
        return (body.base64EncodedString(), true)
    }
}
