/// Trimming and counting for free-text fields. Characters are Unicode scalars,
/// as Pydantic (Python `str`) counts them.
enum TextRules {
    /// `text` without leading and trailing Unicode whitespace.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        guard mayBeWhitespace(first) || mayBeWhitespace(last) else { return text }
        let scalars = text.unicodeScalars
        guard let lower = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let upper = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[lower...upper])
    }

    /// True when `text` has more than `limit` characters; counts only when the
    /// byte length leaves a doubt.
    static func exceeds(_ text: String, characters limit: Int) -> Bool {
        let byteCount = text.utf8.count
        if byteCount <= limit { return false }
        return text.unicodeScalars.count > limit
    }

    /// ASCII space or control, or the first or last byte of a multi-byte scalar.
    private static func mayBeWhitespace(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte >= 0x80
    }
}

/// The short tokens the contracts accept, each a fixed set of ASCII characters.
enum TokenRule: Sendable {
    /// `[A-Za-z0-9._:-]`, 1...128 characters, no `..` (so no id can look like a path step).
    case identifier
    /// A `metadata` key: the identifier characters, 1...64 of them.
    case metadataKey
    /// Printable ASCII without spaces, 1...256 characters (Step Functions execution ids and state names).
    case idempotencyKey
    /// Opaque pagination cursors: base64url.
    case cursor
    /// `en`, `pt-BR`, `zh-Hant`: a 2 or 3 letter primary subtag, then alphanumeric subtags.
    case language

    var maxLength: Int {
        switch self {
        case .identifier: ContractLimits.maxIdentifierLength
        case .metadataKey: ContractLimits.maxMetadataKeyLength
        case .idempotencyKey: ContractLimits.maxIdempotencyKeyLength
        case .cursor: ContractLimits.maxCursorLength
        case .language: ContractLimits.maxLanguageLength
        }
    }

    /// Shown in the issue message.
    var pattern: String {
        switch self {
        case .identifier, .metadataKey: "^[A-Za-z0-9._:-]+$"
        case .idempotencyKey: "^[!-~]+$"
        case .cursor: "^[A-Za-z0-9_=-]+$"
        case .language: "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
        }
    }

    private var allowed: UInt8 {
        switch self {
        case .identifier, .metadataKey: CharacterClass.identifier
        case .idempotencyKey: CharacterClass.printable
        case .cursor: CharacterClass.base64URL
        case .language: CharacterClass.languageTag
        }
    }

    /// The issue `bytes` raise, if any: `(type, message)`.
    func problem<Bytes: Collection>(with bytes: Bytes) -> (type: String, message: String)? where Bytes.Element == UInt8 {
        let count = bytes.count
        if count == 0 { return (IssueType.stringTooShort, "String should have at least 1 character") }
        if count > maxLength { return (IssueType.stringTooLong, "String should have at most \(maxLength) characters") }
        // Branch-free: AND of every byte's classes, and OR of the classes shared by neighbours.
        var all: UInt8 = 0xFF, sharedByNeighbours: UInt8 = 0, previous: UInt8 = 0
        CharacterClass.table.withUnsafeBufferPointer { table in
            for byte in bytes {
                let classes = table[Int(byte)]
                all &= classes
                sharedByNeighbours |= previous & classes
                previous = classes
            }
        }
        if all & allowed == 0 || (self == .language && !Self.isLanguageTag(bytes)) {
            return (IssueType.stringPatternMismatch, "String should match pattern '\(pattern)'")
        }
        if self == .identifier, sharedByNeighbours & CharacterClass.dot != 0 {
            return (IssueType.stringPatternMismatch, "String should not contain '..'")
        }
        return nil
    }

    private static func isLanguageTag<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        let subtags = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...3).contains(primary.count),
              primary.allSatisfy({ CharacterClass.of($0) & CharacterClass.digit == 0 }) else { return false }
        return subtags.dropFirst().allSatisfy { (1...8).contains($0.count) }
    }
}

/// Byte classes as bit flags, looked up in one 256-entry table.
enum CharacterClass {
    static let identifier: UInt8 = 1 << 0
    static let printable: UInt8 = 1 << 1
    static let base64URL: UInt8 = 1 << 2
    static let languageTag: UInt8 = 1 << 3
    /// The ASCII members of Unicode's White_Space: tab, line feed, vertical tab, form feed, return, space.
    static let whitespace: UInt8 = 1 << 4
    static let dot: UInt8 = 1 << 5
    static let digit: UInt8 = 1 << 6

    static let table: [UInt8] = (0...255).map { classes(of: UInt8($0)) }

    @inline(__always)
    static func of(_ byte: UInt8) -> UInt8 { table[Int(byte)] }

    private static func classes(of byte: UInt8) -> UInt8 {
        let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        let isLetter = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        let isAlphanumeric = isDigit || isLetter
        var classes: UInt8 = 0
        if isAlphanumeric || "._:-".utf8.contains(byte) { classes |= identifier }
        if (0x21...0x7E).contains(byte) { classes |= printable }
        if isAlphanumeric || "_=-".utf8.contains(byte) { classes |= base64URL }
        if isAlphanumeric || byte == UInt8(ascii: "-") { classes |= languageTag }
        if (0x09...0x0D).contains(byte) || byte == 0x20 { classes |= whitespace }
        if byte == UInt8(ascii: ".") { classes |= dot }
        if isDigit { classes |= digit }
        return classes
    }
}
