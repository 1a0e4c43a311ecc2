/// Which browser origins may call the API (`CORS_ALLOWED_ORIGINS`, comma
/// separated; `*` for any). API Gateway's own CORS handles deployed HTTP
/// APIs (template.yaml carries the same header lists); this covers Function
/// URLs and the local server.
package struct CORSPolicy: Sendable, Equatable {
    package var allowedOrigins: [String]
    /// Also allows `http://localhost`, `http://127.0.0.1` and `http://[::1]`
    /// on any port: what `serve` allows by default.
    package var allowsLoopbackOrigins: Bool

    package init(allowedOrigins: [String], allowsLoopbackOrigins: Bool = false) {
        self.allowedOrigins = allowedOrigins
        self.allowsLoopbackOrigins = allowsLoopbackOrigins
    }

    static let allowedMethods = "GET, POST, DELETE, OPTIONS"
    /// What the frontend sends: its guide puts `Authorization` and
    /// `X-Tenant-Id` on every call; `Idempotency-Key` makes retries safe;
    /// `X-Request-Id` is the client's own correlation id.
    package static let allowedHeaders = ["authorization", "content-type", "idempotency-key", "x-tenant-id", "x-request-id"]
    /// What browser code may read of an answer: `retry-after` on 503s,
    /// `idempotent-replayed` on replays, and API Gateway's request id.
    package static let exposedHeaders = ["retry-after", "idempotent-replayed", "apigw-requestid"]
    static let maxAgeSeconds = 600

    /// The value of `access-control-allow-origin` for a request from `origin`, if allowed.
    func allowedOrigin(for origin: String?) -> String? {
        guard let origin else { return nil }
        if allowedOrigins.contains("*") { return "*" }
        if allowedOrigins.contains(origin) { return origin }
        return allowsLoopbackOrigins && Self.isLoopback(origin: origin) ? origin : nil
    }

    /// CORS headers for a response to a request from `origin`.
    func headers(for origin: String?, preflight: Bool) -> [String: String] {
        guard let allowed = allowedOrigin(for: origin) else { return [:] }
        var headers = ["access-control-allow-origin": allowed, "vary": "origin"]
        if preflight {
            headers["access-control-allow-methods"] = Self.allowedMethods
            headers["access-control-allow-headers"] = Self.allowedHeaders.joined(separator: ", ")
            headers["access-control-max-age"] = String(Self.maxAgeSeconds)
        } else {
            headers["access-control-expose-headers"] = Self.exposedHeaders.joined(separator: ", ")
        }
        return headers
    }

    /// `http://localhost[:port]`, `http://127.0.0.1[:port]` or `http://[::1][:port]`, nothing more.
    static func isLoopback(origin: String) -> Bool {
        guard origin.hasPrefix("http://") else { return false }
        let authority = origin.dropFirst("http://".count)
        for host in ["localhost", "127.0.0.1", "[::1]"] where authority.hasPrefix(host) {
            let rest = authority.dropFirst(host.count)
            if rest.isEmpty { return true }
            guard rest.first == ":" else { return false }
            let port = rest.dropFirst()
            return !port.isEmpty && port.count <= 5 && port.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return false
    }
}
