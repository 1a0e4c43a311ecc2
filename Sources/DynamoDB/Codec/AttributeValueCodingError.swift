/// Why a value could not become an item, or an item a value. `path` names
/// the attribute (`goals[2].title`); values themselves never appear.
package enum AttributeValueCodingError: Error, Sendable, Equatable, CustomStringConvertible {
    case typeMismatch(path: String, expected: String, found: String)
    case keyNotFound(path: String, key: String)
    case invalidNumber(path: String)
    case nonFiniteNumber(path: String)
    case emptySet(path: String)
    case duplicateSetElement(path: String)
    /// An item must encode as a map (a struct or a dictionary), not `found`.
    case notAnItem(found: String)
    /// A custom `Codable` implementation threw; its description is kept.
    case custom(path: String, reason: String)

    /// A stable identifier of the case.
    package var code: String {
        switch self {
        case .typeMismatch: "TypeMismatch"
        case .keyNotFound: "KeyNotFound"
        case .invalidNumber: "InvalidNumber"
        case .nonFiniteNumber: "NonFiniteNumber"
        case .emptySet: "EmptySet"
        case .duplicateSetElement: "DuplicateSetElement"
        case .notAnItem: "NotAnItem"
        case .custom: "CustomCodingError"
        }
    }

    package var description: String {
        switch self {
        case .typeMismatch(let path, let expected, let found): "\(path): expected \(expected), found \(found)"
        case .keyNotFound(let path, let key): "\(path): missing attribute \(key)"
        case .invalidNumber(let path): "\(path): not a valid DynamoDB number"
        case .nonFiniteNumber(let path): "\(path): NaN and infinity cannot be stored"
        case .emptySet(let path): "\(path): DynamoDB sets cannot be empty"
        case .duplicateSetElement(let path): "\(path): DynamoDB sets cannot hold duplicates"
        case .notAnItem(let found): "an item must be a map, found \(found)"
        case .custom(let path, let reason): "\(path): \(reason)"
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue, key.stringValue == String(index) || key.stringValue.hasPrefix("Index ") {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "<root>" : text
    }

    /// Wraps whatever a `Codable` implementation threw.
    static func wrapping(_ error: any Error) -> AttributeValueCodingError {
        if let error = error as? AttributeValueCodingError { return error }
        if let error = error as? DecodingError {
            switch error {
            case .typeMismatch(let type, let context):
                return .typeMismatch(path: path(context.codingPath), expected: "\(type)", found: "other")
            case .valueNotFound(let type, let context):
                return .typeMismatch(path: path(context.codingPath), expected: "\(type)", found: "nothing")
            case .keyNotFound(let key, let context):
                return .keyNotFound(path: path(context.codingPath), key: key.stringValue)
            case .dataCorrupted(let context):
                return .custom(path: path(context.codingPath), reason: context.debugDescription)
            @unknown default:
                return .custom(path: "<root>", reason: "\(error)")
            }
        }
        if let error = error as? EncodingError, case .invalidValue(_, let context) = error {
            return .custom(path: path(context.codingPath), reason: context.debugDescription)
        }
        return .custom(path: "<root>", reason: "\(error)")
    }
}
