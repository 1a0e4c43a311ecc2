import FoundationEssentials

/// A snapshot of environment variables, so that configuration is a value
/// tests build rather than process state they mutate.
public struct AWSEnvironment: Sendable, ExpressibleByDictionaryLiteral {
    public var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    public init(dictionaryLiteral elements: (String, String)...) {
        values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// The current process environment.
    public static var process: AWSEnvironment { AWSEnvironment(ProcessInfo.processInfo.environment) }

    /// The value of `name`, or `nil` when unset or empty.
    public subscript(name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// `AWS_REGION`, else `AWS_DEFAULT_REGION`.
    public var region: String? { self["AWS_REGION"] ?? self["AWS_DEFAULT_REGION"] }
}
