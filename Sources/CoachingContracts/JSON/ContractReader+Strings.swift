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
    /// checking escapes, control characters and the length limit. UTF-8 is checked
    /// when the string is built (``string(of:)``) or skipped.
    mutating func scanString() throws(JSONSyntaxError) -> StringSpan {
        let start = position &+ 1
        var index = start
        var hasEscapes = false
        var seenBits: UInt64 = 0
        while true {
            // Eight bytes at a time up to the first quote, backslash or control byte.
            while index &+ 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let attention = Self.attentionMask(word)
                if attention == 0 {
                    seenBits |= word
                    index &+= 8
                    continue
                }
                let before = UInt64(truncatingIfNeeded: attention.trailingZeroBitCount) & ~7
                seenBits |= word & ((1 &<< before) &- 1)
                index &+= Int(before &>> 3)
                break
            }
            guard index < end else { throw syntaxError(.unexpectedEnd, at: index) }
            let current = bytes[index]
            if current == UInt8(ascii: "\"") { break }
            if current == UInt8(ascii: "\\") {
                hasEscapes = true
                position = index
                try skipEscape()
                index = position
                continue
            }
            if current < 0x20 { throw syntaxError(.controlCharacterInString, at: index) }
            seenBits |= UInt64(current)
            index &+= 1
        }
        position = index &+ 1
        let span = StringSpan(start: start, end: index, hasEscapes: hasEscapes,
                              isASCII: seenBits & 0x8080_8080_8080_8080 == 0)
        if span.byteCount > limits.maxStringBytes { throw syntaxError(.stringTooLong, at: start) }
        return span
    }

    /// The high bit of each of the eight bytes (little-endian) that is `"`, `\` or
    /// below 0x20, by the classic "has zero byte" / "has byte less than" word tricks.
    /// Bits above the lowest set one may be spurious; the lowest one is exact.
    @inline(__always)
    static func attentionMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let slashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes
        let hasSlash = (slashes &- ones) & ~slashes
        let hasControl = (word &- (ones &* 0x20)) & ~word
        return (hasQuote | hasSlash | hasControl) & highs
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

    /// The Swift string for a scanned span, resolving escapes and checking UTF-8.
    func string(of span: StringSpan) throws(JSONSyntaxError) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
        if !span.hasEscapes {
            // Checked here, then decoded (with nothing left to repair): cheaper than the generic
            // `String(validating:)`, which costs a metadata lookup per call.
            if !span.isASCII, !UTF8Validation.isValid(bytes, from: span.start, to: span.end) {
                throw syntaxError(.invalidUTF8, at: span.start)
            }
            return String(decoding: raw, as: UTF8.self)
        }
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
        guard let text = String(validating: decoded, as: UTF8.self) else { throw syntaxError(.invalidUTF8, at: span.start) }
        return text
    }

    /// Reads `\uXXXX` (and its low surrogate, when it is a high one) at `index`, advancing past it.
    private func unicodeEscape(in raw: UnsafeBufferPointer<UInt8>, at index: inout Int, spanStart: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
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
    private static func hex4(_ raw: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt32 {
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
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let words = UnsafeRawBufferPointer(bytes)
        var index = start
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                // Skip ASCII eight bytes at a time.
                while index + 8 <= end, words.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
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
