import FoundationEssentials

/// An ISO-8601 date or date-time as it travels on the wire: the text exactly as
/// received (so re-encoding gives the same bytes) and the instant it denotes.
///
/// Accepted: `2025-10-01`, `2025-10-01T12:00:00Z`, `2025-10-01T12:00:00.123456Z`,
/// `2025-10-01T12:00:00+02:00` (or `+0200`), `2025-10-01 12:00:00Z`, and date-times
/// without an offset, which are read as UTC. Plain dates denote midnight UTC.
package struct ContractDate: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The text as received, or as formatted by ``init(_:)``.
    package let text: String
    /// The instant.
    package let date: Date
    /// False for plain dates (`2025-10-01`).
    package let hasTime: Bool

    /// Parses `text`; `nil` when it is not an accepted ISO-8601 form.
    package init?(iso8601 text: String) {
        guard case .success(let parsed) = ISO8601Parser.parse(text) else { return nil }
        self.init(text: text, parsed: parsed)
    }

    init(text: String, parsed: ISO8601Parser.Parsed) {
        self.text = text
        self.date = Date(timeIntervalSince1970: parsed.secondsSince1970)
        self.hasTime = parsed.hasTime
    }

    /// Formats `date` as `yyyy-MM-ddTHH:mm:ss.SSSZ` (UTC, milliseconds).
    package init(_ date: Date) {
        self.text = ISO8601Parser.format(date)
        self.date = date
        self.hasTime = true
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = ContractDate(iso8601: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO-8601 date or date-time: \(text)")
        }
        self = parsed
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    package static func < (lhs: ContractDate, rhs: ContractDate) -> Bool { lhs.date < rhs.date }

    package var description: String { text }
}
