import AWSCore
import Essentials
import LambdaRuntime

/// Maps a method and path to a route handler.
///
/// Patterns are literal segments and `{name}` placeholders, for example
/// `/api/v1/conversations/{id}/message`. A known path with another method
/// gives 405 with `allow`; an unknown path gives 404.
package struct Router: Sendable {
    package typealias Handler = @Sendable (RouteContext) throws -> APIResponse

    struct Route: Sendable {
        var method: String
        var pattern: String
        var segments: [Segment]
        var handler: Handler
    }

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    private var routes: [Route] = []

    package init() {}

    package mutating func add(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        let segments = Self.split(pattern).map { part -> Segment in
            if part.hasPrefix("{"), part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
            return .literal(String(part))
        }
        routes.append(Route(method: method.uppercased(), pattern: pattern, segments: segments, handler: handler))
    }

    package enum Match: Sendable {
        case found(pattern: String, handler: Handler, parameters: RouteParameters)
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    package func match(method: String, path: String) -> Match {
        let parts = Self.split(path)
        var allowed: [String] = []
        for route in routes {
            guard let parameters = Self.bind(route.segments, to: parts) else { continue }
            if route.method == method {
                return .found(pattern: route.pattern, handler: route.handler, parameters: parameters)
            }
            if !allowed.contains(route.method) { allowed.append(route.method) }
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    /// The patterns registered, for documentation and spec checks.
    var patterns: [(method: String, pattern: String)] { routes.map { ($0.method, $0.pattern) } }

    private static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func bind(_ segments: [Segment], to parts: [Substring]) -> RouteParameters? {
        guard segments.count == parts.count else { return nil }
        var values: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let literal):
                guard part == literal else { return nil }
            case .parameter(let name):
                guard let decoded = part.removingPercentEncoding() else { return nil }
                values[name] = decoded
            }
        }
        return RouteParameters(values: values)
    }
}

/// What a route handler gets: the request, its path parameters, and the
/// invocation's deadline and logger.
package struct RouteContext: Sendable {
    package var request: APIRequest
    package var parameters: RouteParameters
    package var deadline: Deadline
    package var logger: Logger

    package init(request: APIRequest, parameters: RouteParameters = RouteParameters(), deadline: Deadline = .none, logger: Logger) {
        self.request = request
        self.parameters = parameters
        self.deadline = deadline
        self.logger = logger
    }
}

/// Values bound to a route's `{name}` placeholders, percent-decoded.
package struct RouteParameters: Sendable, Equatable {
    package var values: [String: String]

    package init(values: [String: String] = [:]) { self.values = values }

    package subscript(name: String) -> String? { values[name] }
}
