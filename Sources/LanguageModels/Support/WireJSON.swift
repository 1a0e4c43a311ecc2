import Coaching
import FoundationEssentials

/// The JSON settings every provider's wire types use.
enum WireJSON {
    /// Sorted keys so the same request is always the same bytes (and so the
    /// same signature); `/` unescaped as the providers send it.
    static func encode<Value: Encodable>(_ value: Value) throws(ModelError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            throw .rejected("the request could not be encoded as JSON")
        }
    }

    /// Decodes a provider's answer; anything unexpected is a
    /// ``ModelError/malformedResponse(_:)`` that names where decoding
    /// failed (coding keys only, never the values).
    static func decode<Value: Decodable>(_ type: Value.Type, from body: Data, what: String) throws(ModelError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch let error as DecodingError {
            throw .malformedResponse("\(what): \(error.summary)")
        } catch {
            throw .malformedResponse("\(what): not valid JSON")
        }
    }
}

extension DecodingError {
    /// The kind of failure and the key path, without the offending values.
    var summary: String {
        func path(_ context: Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the top level" : keys.joined(separator: ".")
        }
        switch self {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing \(parent == "the top level" ? key.stringValue : parent + "." + key.stringValue)"
        case .valueNotFound(_, let context): return "null at \(path(context))"
        case .typeMismatch(_, let context): return "unexpected type at \(path(context))"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "not valid JSON" : "invalid value at \(path(context))"
        @unknown default: return "undecodable"
        }
    }
}
