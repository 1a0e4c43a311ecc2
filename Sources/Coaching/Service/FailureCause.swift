/// Why a dependency failed, for the log: the AWS error code, HTTP status,
/// request id and message of a store call, or a model client's reason.
/// Never shown to callers. Equality ignores it: a store outage is the same
/// failure whatever its cause text says.
package struct FailureCause: Sendable, Equatable, CustomStringConvertible {
    package let text: String

    package init(_ text: String) { self.text = text }

    package static let unknown = FailureCause("")

    package static func == (lhs: FailureCause, rhs: FailureCause) -> Bool { true }

    package var description: String { text.isEmpty ? "unknown" : text }
}
