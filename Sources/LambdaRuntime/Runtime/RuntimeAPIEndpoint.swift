import CurlHTTP

/// Where the Lambda Runtime API listens, from `AWS_LAMBDA_RUNTIME_API`.
///
/// Accepts the forms seen in the wild: `host:port` (Lambda itself),
/// `[::1]:port`, and `http://host:port/prefix` (some emulators).
package struct RuntimeAPIEndpoint: Sendable, Equatable, CustomStringConvertible {
    static let apiVersion = "2018-06-01"

    /// `http://host:port[/prefix]/2018-06-01`, without a trailing slash.
    package let baseURL: String

    package init(_ value: String) throws(RuntimeAPIEndpointError) {
        var rest = Substring(value.trimmingHTTPWhitespace())
        guard !rest.isEmpty else { throw .empty }
        if rest.hasPrefix("http://") {
            rest = rest.dropFirst("http://".count)
        } else if rest.contains("://") {
            throw .unsupportedScheme(value)
        }
        let authority: Substring
        var prefix: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            prefix = rest[slash...]
            while prefix.hasSuffix("/") { prefix.removeLast() }
        } else {
            authority = rest
        }
        let host: Substring
        let port: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalid(value) }
            host = authority[...close]
            let afterHost = authority[authority.index(after: close)...]
            guard afterHost.hasPrefix(":") else { throw .invalid(value) }
            port = afterHost.dropFirst()
        } else {
            guard let colon = authority.lastIndex(of: ":") else { throw .invalid(value) }
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && !$0.isWhitespace }),
              let portNumber = Int(port), (1...65_535).contains(portNumber) else {
            throw .invalid(value)
        }
        baseURL = "http://\(host):\(portNumber)\(prefix)/\(Self.apiVersion)"
    }

    package var description: String { baseURL }
}

/// Why `AWS_LAMBDA_RUNTIME_API` could not be used.
package enum RuntimeAPIEndpointError: Error, Sendable, Equatable {
    case empty
    case unsupportedScheme(String)
    case invalid(String)
}
