import Coaching
import CoachingContracts

extension Endpoints {
    /// `GET /api/v1/outcomes?topic=`: the caller's latest confirmed outcome per topic (or of one).
    func listOutcomes(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let topic = try context.request.query["topic"].map { (text: String) throws(APIError) in try Self.topic(text, at: ["query", "topic"]) }
        let records = try perform { () throws(CoachingError) in try service.outcomes(caller, deadline: context.deadline) }
        return try coder.success(200, ListPage(items: records.filter { topic == nil || $0.topic == topic }.map(WireMapping.confirmed)))
    }

    /// `GET /api/v1/outcomes/{topic}`: one of them (404 until the topic has a confirmed outcome).
    func outcome(_ context: RouteContext) throws -> APIResponse {
        let caller = try context.caller(dependencies.identity)
        let topic = try Self.topic(context.parameters["topic"] ?? "", at: ["path", "topic"])
        let record = try perform { () throws(CoachingError) in try service.outcome(caller, topic: topic, deadline: context.deadline) }
        return try coder.success(200, WireMapping.confirmed(record))
    }

    static func topic(_ text: String, at location: [PathComponent]) throws(APIError) -> CoachingTopic {
        guard let topic = CoachingTopic(rawValue: text) else {
            throw APIError.validation([ValidationIssue(
                loc: location, msg: "Input should be one of: " + CoachingTopic.allCases.map(\.rawValue).joined(separator: ", "), type: IssueType.enumValue
            )])
        }
        return topic
    }
}
