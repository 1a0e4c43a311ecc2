extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal, two digits per byte, as SigV4 spells digests.
    public func hexEncodedString() -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var characters: [UInt8] = []
        characters.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
