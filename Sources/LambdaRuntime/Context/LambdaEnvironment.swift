import FoundationEssentials

/// A snapshot of environment variables.
///
/// Read once at start-up and passed around, so that configuration is a value
/// tests can build instead of process state they must mutate.
public struct LambdaEnvironment: Sendable, ExpressibleByDictionaryLiteral {
    public var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// The current process environment.
    public static var process: LambdaEnvironment {
        LambdaEnvironment(ProcessInfo.processInfo.environment)
    }

    /// The value of `name`, or `nil` when unset or empty.
    public subscript(name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }
}
