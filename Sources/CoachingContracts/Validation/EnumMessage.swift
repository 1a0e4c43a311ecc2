/// Pydantic's wording for an enum mismatch: `Input should be 'a', 'b' or 'c'`.
enum EnumMessage {
    static func expecting<Value: RawRepresentable>(_ choices: [Value]) -> String where Value.RawValue == String {
        let names = choices.map { "'\($0.rawValue)'" }
        guard let last = names.last else { return "Input should be a valid value" }
        let listed = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + last : last
        return "Input should be \(listed)"
    }
}
