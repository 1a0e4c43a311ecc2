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

/// An id, or any other short token made of a fixed set of ASCII characters.
struct TokenRule: Sendable {
    var maxLength: Int
    /// Shown in the issue message.
    var pattern: String
    /// Allowed bytes 0...63 and 64...127, one bit each.
    private var lowMask: UInt64 = 0
    private var highMask: UInt64 = 0
    /// `..` is refused in ids, so that no id can look like a path step.
    var refusesDoubleDot = false
    /// A check of the whole token once every byte is allowed (subtag structure, for instance).
    var structure: (@Sendable (String.UTF8View) -> Bool)?

    init(maxLength: Int, pattern: String, allowed: [ClosedRange<UInt8>], refusesDoubleDot: Bool = false,
         structure: (@Sendable (String.UTF8View) -> Bool)? = nil) {
        self.maxLength = maxLength
        self.pattern = pattern
        self.refusesDoubleDot = refusesDoubleDot
        self.structure = structure
        for range in allowed {
            for byte in range where byte < 128 {
                if byte < 64 { lowMask |= 1 << UInt64(byte) } else { highMask |= 1 << UInt64(byte - 64) }
            }
        }
    }

    @inline(__always)
    func allows(_ byte: UInt8) -> Bool {
        byte < 64 ? lowMask & (1 << UInt64(byte)) != 0 : byte < 128 && highMask & (1 << UInt64(byte - 64)) != 0
    }

    private static let letters: [ClosedRange<UInt8>] = [UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z")]
    private static let digits: ClosedRange<UInt8> = UInt8(ascii: "0")...UInt8(ascii: "9")

    private static func single(_ characters: String) -> [ClosedRange<UInt8>] {
        characters.utf8.map { $0...$0 }
    }

    /// `[A-Za-z0-9._:-]`, 1...128 characters, no `..`.
    static let identifier = TokenRule(maxLength: ContractLimits.maxIdentifierLength, pattern: "^[A-Za-z0-9._:-]+$",
                                      allowed: letters + [digits] + single("._:-"), refusesDoubleDot: true)

    /// Printable ASCII without spaces, 1...256 characters (Step Functions execution ids and state names).
    static let idempotencyKey = TokenRule(maxLength: ContractLimits.maxIdempotencyKeyLength, pattern: "^[!-~]+$",
                                          allowed: [0x21...0x7E])

    /// Opaque pagination cursors: base64url.
    static let cursor = TokenRule(maxLength: ContractLimits.maxCursorLength, pattern: "^[A-Za-z0-9_=-]+$",
                                  allowed: letters + [digits] + single("_=-"))

    /// `en`, `pt-BR`, `zh-Hant`: a 2 or 3 letter primary subtag, then alphanumeric subtags.
    static let language = TokenRule(maxLength: ContractLimits.maxLanguageLength, pattern: "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
                                    allowed: letters + [digits] + single("-"), structure: { utf8 in
        let subtags = utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...3).contains(primary.count),
              primary.allSatisfy({ !digits.contains($0) }) else { return false }
        return subtags.dropFirst().allSatisfy { (1...8).contains($0.count) }
    })

    /// The issue `text` raises, if any: `(type, message)`.
    func problem(with text: String) -> (type: String, message: String)? {
        let utf8 = text.utf8
        if utf8.isEmpty { return (IssueType.stringTooShort, "String should have at least 1 character") }
        if utf8.count > maxLength { return (IssueType.stringTooLong, "String should have at most \(maxLength) characters") }
        var previousWasDot = false
        var allAllowed = true
        for byte in utf8 {
            allAllowed = allAllowed && allows(byte)
            if refusesDoubleDot, byte == UInt8(ascii: "."), previousWasDot {
                return (IssueType.stringPatternMismatch, "String should not contain '..'")
            }
            previousWasDot = byte == UInt8(ascii: ".")
        }
        if !allAllowed || !(structure?(utf8) ?? true) {
            return (IssueType.stringPatternMismatch, "String should match pattern '\(pattern)'")
        }
        return nil
    }
}
