/// The raw content of a JSON string: the bytes between the quotes.
struct StringSpan {
    var start: Int
    var end: Int
    var hasEscapes: Bool
    var isASCII: Bool

    var byteCount: Int { end - start }
}

extension ContractReader {
    /// Scans the string at the current position (which holds its opening quote),
    /// checking escapes, control characters, UTF-8 and the length limit.
    mutating func scanString() throws(JSONSyntaxError) -> StringSpan {
        position += 1
        let start = position
        var hasEscapes = false
        var seenBits: UInt64 = 0
        while true {
            // Eight bytes at a time while none of them is a quote, a backslash or a control byte.
            while position + 8 <= end {
                let word = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                if Self.needsAttention(word) { break }
                seenBits |= word
                position += 8
            }
            guard position < end else { throw syntaxError(.unexpectedEnd) }
            let current = bytes[position]
            if current == UInt8(ascii: "\"") { break }
            if current == UInt8(ascii: "\\") {
                hasEscapes = true
                try skipEscape()
                continue
            }
            if current < 0x20 { throw syntaxError(.controlCharacterInString) }
            seenBits |= UInt64(current)
            position += 1
        }
        let span = StringSpan(start: start, end: position, hasEscapes: hasEscapes,
                              isASCII: seenBits & 0x8080_8080_8080_8080 == 0)
        position += 1
        if span.byteCount > limits.maxStringBytes { throw syntaxError(.stringTooLong, at: start) }
        if !span.isASCII, !UTF8Validation.isValid(bytes, from: span.start, to: span.end) {
            throw syntaxError(.invalidUTF8, at: start)
        }
        return span
    }

    /// True when one of the eight bytes is `"`, `\` or below 0x20 (the classic
    /// "has zero byte" / "has byte less than" word tricks).
    @inline(__always)
    static func needsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let slashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes & highs
        let hasSlash = (slashes &- ones) & ~slashes & highs
        let hasControl = (word &- (ones &* 0x20)) & ~word & highs
        return (hasQuote | hasSlash | hasControl) != 0
    }

    private mutating func skipEscape() throws(JSONSyntaxError) {
        guard position + 1 < end else { throw syntaxError(.unexpectedEnd) }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            guard position + 6 <= end else { throw syntaxError(.unexpectedEnd) }
            for offset in 2..<6 where Self.hexValue(bytes[position + offset]) == nil {
                throw syntaxError(.invalidUnicodeEscape)
            }
            position += 6
        default:
            throw syntaxError(.invalidEscape)
        }
    }

    /// The Swift string for a scanned span, resolving escapes.
    func string(of span: StringSpan) throws(JSONSyntaxError) -> String {
        let raw = UnsafeRawBufferPointer(rebasing: bytes[span.start..<span.end])
        guard span.hasEscapes else { return String(decoding: raw, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(span.byteCount)
        var index = 0
        while index < raw.count {
            let current = raw[index]
            guard current == UInt8(ascii: "\\") else {
                decoded.append(current)
                index += 1
                continue
            }
            let escape = raw[index + 1]
            switch escape {
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try unicodeEscape(in: raw, at: &index, spanStart: span.start)
                UTF8.encode(scalar) { decoded.append($0) }
                continue
            default: decoded.append(escape)
            }
            index += 2
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Reads `\uXXXX` (and its low surrogate, when it is a high one) at `index`, advancing past it.
    private func unicodeEscape(in raw: UnsafeRawBufferPointer, at index: inout Int, spanStart: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = Self.hex4(raw, index + 2)
        index += 6
        if (0xD800...0xDBFF).contains(high) {
            guard index + 6 <= raw.count, raw[index] == UInt8(ascii: "\\"), raw[index + 1] == UInt8(ascii: "u") else {
                throw syntaxError(.invalidUnicodeEscape, at: spanStart + index)
            }
            let low = Self.hex4(raw, index + 2)
            guard (0xDC00...0xDFFF).contains(low) else { throw syntaxError(.invalidUnicodeEscape, at: spanStart + index) }
            index += 6
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw syntaxError(.invalidUnicodeEscape, at: spanStart + index) }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else { throw syntaxError(.invalidUnicodeEscape, at: spanStart + index - 6) }
        return scalar
    }

    /// Four hex digits already checked by ``scanString()``.
    private static func hex4(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        var value: UInt32 = 0
        for position in offset..<(offset + 4) {
            value = value << 4 | UInt32(hexValue(raw[position]) ?? 0)
        }
        return value
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A strict UTF-8 check: no overlong forms, no surrogates, nothing above U+10FFFF.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lowerBound: UInt8 = 0x80, upperBound: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upperBound = 0x9F
            case 0xF0: length = 4; lowerBound = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upperBound = 0x8F
            default: return false
            }
            guard index + length <= end else { return false }
            let second = bytes[index + 1]
            guard second >= lowerBound, second <= upperBound else { return false }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return false
            }
            index += length
        }
        return true
    }
}
