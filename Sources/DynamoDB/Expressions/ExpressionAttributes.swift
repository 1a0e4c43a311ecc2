/// Allocates the `#n0` / `:v0` placeholders of one request, so that no
/// attribute name or value is ever spliced into expression text.
///
/// One instance serves every expression of a request (DynamoDB rejects
/// placeholders that are defined but unused, and these are only defined
/// when used). Names are deduplicated; values are not.
package struct ExpressionAttributes: Sendable, Equatable {
    /// `#n0` → attribute name.
    package private(set) var names: [String: String] = [:]
    /// `:v0` → value.
    package private(set) var values: [String: AttributeValue] = [:]
    private var placeholderByName: [String: String] = [:]

    package init() {}

    /// The placeholder for the top-level attribute `name`, such as `#n0`.
    /// A dot is part of the name: `a.b` is one attribute.
    mutating func placeholder(forName name: String) -> String {
        if let existing = placeholderByName[name] { return existing }
        let placeholder = "#n\(names.count)"
        names[placeholder] = name
        placeholderByName[name] = placeholder
        return placeholder
    }

    /// The placeholder for `value`, such as `:v3`.
    mutating func placeholder(for value: AttributeValue) -> String {
        let placeholder = ":v\(values.count)"
        values[placeholder] = value
        return placeholder
    }

    /// `nil` when empty: DynamoDB rejects empty maps in these fields.
    var namesIfAny: [String: String]? { names.isEmpty ? nil : names }
    var valuesIfAny: [String: AttributeValue]? { values.isEmpty ? nil : values }
}
