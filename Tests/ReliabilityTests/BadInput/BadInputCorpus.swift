import Foundation

/// What the function must answer to one event of the corpus.
enum Expectation: Sendable, CustomStringConvertible {
    /// An API Gateway response with `status`; for an error, this `error_code`
    /// and, when given, exactly these detail locations.
    case http(Int, code: String? = nil, locations: [String]? = nil)
    /// A Lambda error report with this `errorType` (`Function.<type>` in the header).
    case lambdaError(String)
    /// An authorizer decision.
    case authorizer(allowed: Bool)
    /// A plain coaching response (the Step Functions task succeeded).
    case coachingResponse

    var description: String {
        switch self {
        case .http(let status, let code, let locations): "HTTP \(status) \(code ?? "")\(locations.map { " \($0)" } ?? "")"
        case .lambdaError(let type): "Lambda error \(type)"
        case .authorizer(let allowed): allowed ? "authorizer allows" : "authorizer denies"
        case .coachingResponse: "coaching response"
        }
    }

    /// Whether this is a refusal (a 4xx, a typed error, a denial), as opposed to an accepted hostile input.
    var isRefusal: Bool {
        switch self {
        case .http(let status, _, _): status >= 400
        case .lambdaError: true
        case .authorizer(let allowed): !allowed
        case .coachingResponse: false
        }
    }
}

/// One malformed or hostile event and the answer it must get.
struct CorpusCase: Sendable, CustomStringConvertible {
    var name: String
    var event: Data
    var expected: Expectation

    init(_ name: String, _ event: Data, _ expected: Expectation) {
        self.name = name
        self.event = event
        self.expected = expected
    }

    var description: String { name }
}

/// The bad-input corpus: events no client should send, each with the
/// answer the function must give. Fed to one real `bootstrap` process by
/// ``BadInputCorpusTests``.
enum BadInputCorpus {
    static var all: [CorpusCase] { events + stepFunctions + authorizer + routes + identity + pathIDs + bodies + sizes + requestParts }

    static let chat = "/api/v1/coaching/chat"
    static let list = "/api/v1/conversations"

    /// A chat event with `body` (text) from alice.
    static func chat(_ body: String, headers: [String: String] = [:]) -> Data {
        Events.http("POST", chat, body: body, headers: headers)
    }

    /// `depth` nested arrays.
    static func nested(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    /// An id of `length` letters.
    static func longID(_ length: Int) -> String { String(repeating: "c", count: length) }
}
