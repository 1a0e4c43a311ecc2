/// A value from an authorizer's claims or context, read as text.
///
/// JWT authorizers send a string map, but Lambda authorizers may put numbers
/// and booleans in their context, and Cognito (REST) claims can carry
/// numbers. Objects and arrays are not claims we use; they decode as `nil`
/// rather than failing the whole event.
package struct ClaimValue: Decodable, Sendable, Equatable {
    package var text: String?

    package init(_ text: String?) { self.text = text }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            text = nil
        } else if let string = try? container.decode(String.self) {
            text = string
        } else if let bool = try? container.decode(Bool.self) {
            text = bool ? "true" : "false"
        } else if let integer = try? container.decode(Int64.self) {
            text = String(integer)
        } else if let number = try? container.decode(Double.self) {
            text = String(number)
        } else {
            text = nil
        }
    }
}

extension Dictionary where Key == String, Value == ClaimValue {
    /// The claims that have a text value.
    var textValues: [String: String] {
        var result: [String: String] = [:]
        for (key, value) in self { if let text = value.text { result[key] = text } }
        return result
    }
}
