import CoachingContracts

extension ValidationIssue {
    /// The issue in words a person can act on: "topic is missing",
    /// "user_message: string should have at most 4000 characters".
    var plainWords: String {
        let field = fieldName
        switch type {
        case IssueType.missing: return "\(field) is missing"
        case IssueType.extraForbidden: return "\(field) is not a field this request takes"
        case IssueType.duplicateField: return "\(field) is given more than once"
        default:
            guard let first = msg.first else { return "\(field) is not valid" }
            return "\(field): \(first.lowercased())\(msg.dropFirst())"
        }
    }

    /// The location without its root (`body`, `query`, `path`):
    /// `business_context.goals[0].title`; "the request body" for the root itself.
    var fieldName: String {
        var path = loc
        if case .key(let root) = path.first, ["body", "query", "path", "header"].contains(root) { path.removeFirst() }
        guard !path.isEmpty else { return "the request body" }
        var name = ""
        for component in path {
            switch component {
            case .key(let key): name += name.isEmpty ? key : ".\(key)"
            case .index(let index): name += "[\(index)]"
            }
        }
        return name
    }
}

extension [ValidationIssue] {
    /// The first problem in plain words, and how many more `details` lists.
    /// Starts with the field's name as sent, lower case and all.
    var summary: String {
        guard let first else { return "The request is not valid." }
        let sentence = first.plainWords
        switch count {
        case 1: return "\(sentence)."
        case 2: return "\(sentence) (and 1 more problem, listed in details)."
        default: return "\(sentence) (and \(count - 1) more problems, listed in details)."
        }
    }
}
