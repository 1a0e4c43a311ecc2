/// Which browser origins may call the API (`CORS_ALLOWED_ORIGINS`, comma
/// separated; `*` for any). API Gateway's own CORS handles deployed HTTP
/// APIs; this covers Function URLs and the local server.
package struct CORSPolicy: Sendable, Equatable {
    package var allowedOrigins: [String]

    package init(allowedOrigins: [String]) {
        self.allowedOrigins = allowedOrigins
    }

    static let allowedMethods = "GET, POST, DELETE, OPTIONS"
    static let allowedHeaders = "authorization, content-type, idempotency-key"

    /// The value of `access-control-allow-origin` for a request from `origin`, if allowed.
    func allowedOrigin(for origin: String?) -> String? {
        guard let origin, !allowedOrigins.isEmpty else { return nil }
        if allowedOrigins.contains("*") { return "*" }
        return allowedOrigins.contains(origin) ? origin : nil
    }

    /// CORS headers for a response to a request from `origin`.
    func headers(for origin: String?, preflight: Bool) -> [String: String] {
        guard let allowed = allowedOrigin(for: origin) else { return [:] }
        var headers = ["access-control-allow-origin": allowed, "vary": "origin"]
        if preflight {
            headers["access-control-allow-methods"] = Self.allowedMethods
            headers["access-control-allow-headers"] = Self.allowedHeaders
            headers["access-control-max-age"] = "600"
        }
        return headers
    }
}
