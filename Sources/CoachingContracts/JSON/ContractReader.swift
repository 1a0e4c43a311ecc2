/// A forward-only JSON reader over UTF-8 bytes that builds contracts directly,
/// without an intermediate tree, and records every ``ValidationIssue`` with its path.
///
/// Grammar errors (RFC 8259), invalid UTF-8 and structural limits throw
/// ``JSONSyntaxError`` and stop reading; contract problems are recorded and
/// reading goes on, so one pass reports all of them. Values of unknown fields
/// are skipped, but still checked for well-formedness.
///
/// Readers only exist inside ``JSONContract/validate(json:limits:)``, which
/// keeps the bytes alive while they are read.
package struct ContractReader {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The same bytes, for word-sized loads.
    let raw: UnsafeRawBufferPointer
    let end: Int
    let limits: ContractLimits
    var position = 0
    var depth = 0
    /// Where the innermost container being read sits.
    var path: [PathComponent] = []
    /// The key or index of the value being read inside that container; kept apart from
    /// `path` so that moving from one field to the next costs no array operation.
    var current: PathComponent?
    private(set) var issues: [ValidationIssue] = []
    /// When reading passes this offset, containers report their end at the next
    /// boundary (see ``withByteBudget(_:exceeded:_:)``).
    var budgetEnd = Int.max
    var budgetExceeded = false

    init(bytes: UnsafeRawBufferPointer, limits: ContractLimits) {
        self.raw = bytes
        self.bytes = UnsafeBufferPointer(start: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        self.end = bytes.count
        self.limits = limits
        path.reserveCapacity(8)
    }

    /// The kinds of JSON value, told apart by their first byte.
    enum ValueKind: Equatable {
        case object, array, string, number, bool, null
    }

    var issueCount: Int { issues.count }

    // MARK: Issues

    /// Records a problem with the value being read.
    mutating func record(_ type: String, _ message: String) {
        issues.append(ValidationIssue(loc: current.map { path + [$0] } ?? path, msg: message, type: type))
    }

    /// Records a problem with the key `component` of the object being read (missing, unknown, repeated).
    mutating func record(_ type: String, _ message: String, below component: PathComponent) {
        issues.append(ValidationIssue(loc: path + [component], msg: message, type: type))
    }

    /// Entering a container: the position of the value becomes part of the path.
    /// Returns whether a component was pushed, for ``leavePosition(_:)``.
    mutating func enterPosition() -> Bool {
        guard let position = current else { return false }
        path.append(position)
        current = nil
        return true
    }

    /// Leaving a container: its own position becomes the current one again.
    mutating func leavePosition(_ pushed: Bool) {
        current = pushed ? path.popLast() : nil
    }

    /// Forgets the issues recorded since `mark` (used when a whole value is refused at once).
    mutating func discardIssues(since mark: Int) {
        issues.removeSubrange(mark...)
    }

    // MARK: Bytes

    @inline(__always)
    func byte(_ offset: Int) -> UInt8 { bytes[offset] }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < end {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The kind of the next value, after whitespace; does not consume it.
    @inline(__always)
    mutating func peekKind() throws(JSONSyntaxError) -> ValueKind {
        skipWhitespace()
        guard position < end else { throw syntaxError(.unexpectedEnd) }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "N"), UInt8(ascii: "I"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw syntaxError(.unexpectedCharacter)
        }
    }

    /// Consumes `literal` (`true`, `null`, ...) at the current position.
    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= end else { throw syntaxError(.invalidLiteral) }
        let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: count)
        for index in 0..<count where bytes[position + index] != expected[index] {
            throw syntaxError(.invalidLiteral, at: position + index)
        }
        position += count
    }

    /// Only whitespace may follow the document.
    mutating func expectEndOfInput() throws(JSONSyntaxError) {
        skipWhitespace()
        guard position == end else { throw syntaxError(.trailingCharacters) }
    }

    func syntaxError(_ kind: JSONSyntaxError.Kind, at offset: Int? = nil) -> JSONSyntaxError {
        let offset = min(offset ?? position, end)
        var line = 1, lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return JSONSyntaxError(kind: kind, offset: offset, line: line, column: offset - lineStart + 1)
    }
}
