import DynamoDB
import FoundationEssentials

/// Nested values the service writes itself (outcomes, a business context, the
/// journey) are stored in the table as one string attribute of compact JSON:
/// one attribute however deep the value, read back by their `Decodable`
/// conformance (trusted data). The file store nests them as JSON objects.
extension AttributeValue {
    static func json(_ value: some Encodable, attribute name: String) throws(ItemError) -> AttributeValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return .s(String(decoding: try encoder.encode(value), as: UTF8.self))
        } catch {
            throw .invalidValue(attribute: name)
        }
    }
}

extension ItemReader {
    /// A string attribute holding JSON of `type`; `nil` when absent.
    func optionalJSON<Value: Decodable>(_ name: String, as type: Value.Type) throws(ItemError) -> Value? {
        guard let text = try optionalString(name) else { return nil }
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw .invalidValue(attribute: name)
        }
    }
}
