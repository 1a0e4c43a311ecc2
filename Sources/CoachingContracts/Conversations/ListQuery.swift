/// The query of `GET /conversations` and `GET /sessions`:
/// `?status=&topic=&limit=&cursor=` (`page_size` is accepted for `limit`,
/// `page=1` is ignored and any other page refused: paging is by cursor).
/// Issues are located under `query`, as FastAPI does: `["query", "limit"]`.
package struct ListQuery: Sendable, Equatable {
    /// `status=active,paused`: the statuses listed; `nil` for the default (all but abandoned).
    package var statuses: [ConversationStatus]?
    package var topic: CoachingTopic?
    /// `order=desc` pages a conversation's messages newest first.
    package var newestFirst: Bool
    /// 1...100, default 20.
    package var limit: Int
    /// The opaque `next_cursor` of the previous page.
    package var cursor: String?

    package init(statuses: [ConversationStatus]? = nil, topic: CoachingTopic? = nil, limit: Int = ContractLimits.defaultPageSize,
                cursor: String? = nil, newestFirst: Bool = false) {
        self.statuses = statuses
        self.topic = topic
        self.newestFirst = newestFirst
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
        if let list = query["status"] {
            var statuses: [ConversationStatus] = []
            for name in list.split(separator: ",", omittingEmptySubsequences: false).prefix(ConversationStatus.allCases.count + 1) {
                guard let status = ConversationStatus(rawValue: name.trimmingWhitespace()) else {
                    issue("status", IssueType.enumValue, EnumMessage.expecting(ConversationStatus.allCases))
                    break
                }
                if !statuses.contains(status) { statuses.append(status) }
            }
            result.statuses = statuses
        }
        if let order = query["order"] {
            switch order {
            case "asc": result.newestFirst = false
            case "desc": result.newestFirst = true
            default: issue("order", IssueType.enumValue, "Input should be 'asc' or 'desc'")
            }
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
        // The old API numbered pages; silently serving page 1 again for `page=2` would loop a client forever.
        if let page = query["page"], page != "1" {
            issue("page", IssueType.cursorPaging,
                  "Pages are not numbered: leave page out and pass the next_cursor of the previous answer as cursor")
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
