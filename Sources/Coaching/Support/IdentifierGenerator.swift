import Essentials
import FoundationEssentials

/// Makes new conversation and session ids.
package protocol IdentifierGenerator: Sendable {
    func makeID() -> String
}

/// Random UUIDs, lower-case.
package struct RandomIdentifierGenerator: IdentifierGenerator {
    package init() {}

    package func makeID() -> String { UUID().uuidString.lowercased() }
}

/// Ids derived from a caller's idempotency key, so that a retried request
/// that creates a conversation names the same conversation again.
enum DerivedIdentifier {
    /// A UUID-shaped id from SHA-256 of the parts (version nibble 5-like, not RFC-registered).
    static func make(_ parts: [String]) -> String {
        let digest = SHA256.hash(Array(parts.joined(separator: "\u{1F}").utf8))
        let hex = digest.prefix(16).hexEncodedString()
        let characters = Array(hex)
        func slice(_ range: Range<Int>) -> String { String(characters[range]) }
        return "\(slice(0..<8))-\(slice(8..<12))-5\(slice(13..<16))-\(slice(16..<20))-\(slice(20..<32))"
    }
}
