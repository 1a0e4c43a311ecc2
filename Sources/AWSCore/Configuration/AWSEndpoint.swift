import Essentials
/// Where requests for one service go: scheme, host, optional port and path prefix.
package struct AWSEndpoint: Sendable, Equatable, CustomStringConvertible {
    package var scheme: String
    package var host: String
    package var port: Int?
    /// A path prefix such as `/proxy`, or empty.
    package var basePath: String

    /// Parses `http(s)://host[:port][/prefix]`; IPv6 hosts in brackets.
    package init(url: String) throws(AWSError) {
        let text = url.hasSuffix("/") ? String(url.dropLast()) : url
        guard let separator = text.firstRange(of: "://") else { throw .invalidConfiguration("endpoint URL needs a scheme: \(url)") }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw .invalidConfiguration("endpoint URL scheme must be http or https: \(url)") }
        let rest = text[separator.upperBound...]
        let authority = rest.firstIndex(of: "/").map { rest[..<$0] } ?? rest
        let path = String(rest[authority.endIndex...])
        var host = String(authority)
        var port: Int?
        if let closing = host.lastIndex(of: "]") {
            let afterBracket = host[host.index(after: closing)...]
            if afterBracket.hasPrefix(":") {
                port = Int(afterBracket.dropFirst())
                guard port != nil else { throw .invalidConfiguration("endpoint URL has a bad port: \(url)") }
                host = String(host[...closing])
            }
        } else if let colon = host.lastIndex(of: ":") {
            port = Int(host[host.index(after: colon)...])
            guard port != nil else { throw .invalidConfiguration("endpoint URL has a bad port: \(url)") }
            host = String(host[..<colon])
        }
        guard !host.isEmpty, !host.contains("@") else { throw .invalidConfiguration("endpoint URL has no usable host: \(url)") }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
        self.basePath = path
    }

    /// The endpoint for `service` in `region`: `AWS_ENDPOINT_URL_<ID>`, else
    /// `AWS_ENDPOINT_URL`, else `https://{prefix}.{region}.amazonaws.com`.
    package static func resolve(for service: AWSServiceDescription, region: String, environment: Environment) throws(AWSError) -> AWSEndpoint {
        if let url = environment["AWS_ENDPOINT_URL_\(service.endpointIdentifier)"] ?? environment["AWS_ENDPOINT_URL"] {
            return try AWSEndpoint(url: url)
        }
        guard region.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }), !region.isEmpty else {
            throw .invalidConfiguration("region is not a valid region name")
        }
        return try AWSEndpoint(url: "https://\(service.hostPrefix).\(region).amazonaws.com")
    }

    /// The `Host` header value: the port only when it is not the scheme's default.
    package var hostHeader: String {
        guard let port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) else { return host }
        return "\(host):\(port)"
    }

    /// `scheme://host[:port]` followed by `path` (already percent-encoded).
    package func url(path: String, query: String) -> String {
        let base = "\(scheme)://\(hostHeader)\(basePath)\(path)"
        return query.isEmpty ? base : "\(base)?\(query)"
    }

    package var description: String { url(path: "", query: "") }
}
