extension Sequence where Element == UInt8 {
    /// Hexadecimal, two digits per byte: lower case as SigV4 spells digests,
    /// upper case as percent-encoding does.
    package func hexEncodedString(uppercase: Bool = false) -> String {
        let digits = uppercase ? HexDigits.upper : HexDigits.lower
        var characters: [UInt8] = []
        characters.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: characters, as: UTF8.self)
    }
}

/// The digits of base 16, as ASCII bytes.
package enum HexDigits {
    package static let lower: [UInt8] = Array("0123456789abcdef".utf8)
    package static let upper: [UInt8] = Array("0123456789ABCDEF".utf8)
}
