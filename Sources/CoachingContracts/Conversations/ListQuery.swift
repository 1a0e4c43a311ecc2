/// The query of `GET /conversations` and `GET /sessions`:
/// `?status=&topic=&limit=&cursor=` (`page_size` is accepted for `limit`).
/// Issues are located under `query`, as FastAPI does: `["query", "limit"]`.
package struct ListQuery: Sendable, Equatable {
    package var status: ConversationStatus?
    package var topic: CoachingTopic?
    /// 1...100, default 20.
    package var limit: Int
    /// The opaque `next_cursor` of the previous page.
    package var cursor: String?

    package init(status: ConversationStatus? = nil, topic: CoachingTopic? = nil, limit: Int = ContractLimits.defaultPageSize,
                cursor: String? = nil) {
        self.status = status
        self.topic = topic
        self.limit = limit
        self.cursor = cursor
    }

    /// Validates query-string parameters (already percent-decoded). Unknown parameters are ignored.
    package static func validate(query: [String: String]) throws(ValidationFailure) -> ListQuery {
        var issues: [ValidationIssue] = []
        func issue(_ name: String, _ type: String, _ message: String) {
            issues.append(ValidationIssue(loc: ["query", .key(name)], msg: message, type: type))
        }
        var result = ListQuery()
        if let status = query["status"] {
            result.status = ConversationStatus(rawValue: status)
            if result.status == nil { issue("status", IssueType.enumValue, EnumMessage.expecting(ConversationStatus.allCases)) }
        }
        if let topic = query["topic"] {
            result.topic = CoachingTopic(rawValue: topic)
            if result.topic == nil { issue("topic", IssueType.enumValue, EnumMessage.expecting(CoachingTopic.allCases)) }
        }
        let limitName = query["limit"] != nil ? "limit" : "page_size"
        if let text = query[limitName] {
            let range = ContractLimits.pageSizeRange
            if let limit = Int(text), text.utf8.count <= 6 {
                if limit < range.lowerBound {
                    issue(limitName, IssueType.greaterThanEqual, "Input should be greater than or equal to \(range.lowerBound)")
                } else if limit > range.upperBound {
                    issue(limitName, IssueType.lessThanEqual, "Input should be less than or equal to \(range.upperBound)")
                } else {
                    result.limit = limit
                }
            } else {
                issue(limitName, IssueType.intParsing, "Input should be a valid integer, unable to parse string as an integer")
            }
        }
        if let cursor = query["cursor"] {
            if let problem = TokenRule.cursor.problem(with: cursor.utf8) {
                issue("cursor", problem.type, problem.message)
            } else {
                result.cursor = cursor
            }
        }
        guard issues.isEmpty else { throw .invalid(issues) }
        return result
    }
}
