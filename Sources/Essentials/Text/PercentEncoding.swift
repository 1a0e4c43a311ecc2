/// RFC 3986 percent-encoding as SigV4 specifies it: every byte of the UTF-8
/// form except the unreserved characters (`A-Z a-z 0-9 - _ . ~`) becomes
/// `%XX` with upper-case hex digits.
package enum PercentEncoding {
    /// Encodes `text`; `keepSlash` leaves `/` as is (paths).
    package static func encode(_ text: String, keepSlash: Bool = false) -> String {
        let hex = HexDigits.upper
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
