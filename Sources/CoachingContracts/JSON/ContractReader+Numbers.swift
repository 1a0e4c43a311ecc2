/// A JSON number: its value as a `Double` (infinite when it overflows, or for the
/// `NaN` / `Infinity` literals some encoders write), and its exact value when it is
/// an integer literal that fits an `Int`.
struct JSONNumber {
    var value: Double
    /// Written without fraction or exponent.
    var isIntegerLiteral: Bool
    var exactInteger: Int?
}

extension ContractReader {
    private static let digitZero = UInt8(ascii: "0")
    /// Below this the mantissa can take one more digit without overflowing.
    private static let mantissaCeiling: UInt64 = 100_000_000_000_000_000
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    @inline(__always)
    private func isDigit(at offset: Int) -> Bool {
        offset < end && bytes[offset] &- Self.digitZero < 10
    }

    /// Scans the number at the current position. Accepts the RFC 8259 grammar plus
    /// `NaN`, `Infinity` and `-Infinity`, so that typed readers can answer them with
    /// `finite_number` rather than a syntax error.
    mutating func scanNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = position
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        if position < end, bytes[position] == UInt8(ascii: "I") {
            try expectLiteral("Infinity")
            return JSONNumber(value: negative ? -.infinity : .infinity, isIntegerLiteral: false, exactInteger: nil)
        }
        if !negative, position < end, bytes[position] == UInt8(ascii: "N") {
            try expectLiteral("NaN")
            return JSONNumber(value: .nan, isIntegerLiteral: false, exactInteger: nil)
        }
        guard isDigit(at: position) else { throw syntaxError(.invalidNumber) }

        var mantissa: UInt64 = 0
        var decimalExponent = 0
        var truncated = false
        if bytes[position] == Self.digitZero {
            position += 1
            if isDigit(at: position) { throw syntaxError(.invalidNumber) }
        } else {
            while isDigit(at: position) {
                let digit = UInt64(bytes[position] &- Self.digitZero)
                if mantissa < Self.mantissaCeiling {
                    mantissa = mantissa * 10 + digit
                } else {
                    truncated = true
                    decimalExponent += 1
                }
                position += 1
            }
        }
        var isIntegerLiteral = true
        if position < end, bytes[position] == UInt8(ascii: ".") {
            isIntegerLiteral = false
            position += 1
            guard isDigit(at: position) else { throw syntaxError(.invalidNumber) }
            while isDigit(at: position) {
                let digit = UInt64(bytes[position] &- Self.digitZero)
                if mantissa < Self.mantissaCeiling {
                    mantissa = mantissa * 10 + digit
                    decimalExponent -= 1
                } else if digit != 0 {
                    truncated = true
                }
                position += 1
            }
        }
        if position < end, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isIntegerLiteral = false
            position += 1
            var exponentNegative = false
            if position < end, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
                exponentNegative = bytes[position] == UInt8(ascii: "-")
                position += 1
            }
            guard isDigit(at: position) else { throw syntaxError(.invalidNumber) }
            var exponent = 0
            while isDigit(at: position) {
                exponent = min(exponent * 10 + Int(bytes[position] &- Self.digitZero), 1_000_000)
                position += 1
            }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        guard position - start <= limits.maxNumberLength else { throw syntaxError(.numberTooLong, at: start) }

        let magnitude: Double
        if !truncated, mantissa <= 1 << 53, (-22...22).contains(decimalExponent) {
            // Both operands exact, one rounding: the correctly rounded result (Clinger's fast path).
            magnitude = decimalExponent < 0
                ? Double(mantissa) / Self.exactPowersOfTen[-decimalExponent]
                : Double(mantissa) * Self.exactPowersOfTen[decimalExponent]
        } else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            guard let parsed = Double(text) else { throw syntaxError(.invalidNumber, at: start) }
            magnitude = parsed.magnitude
        }
        var exactInteger: Int?
        if isIntegerLiteral, !truncated, mantissa <= UInt64(Int.max) {
            exactInteger = negative ? -Int(mantissa) : Int(mantissa)
        }
        return JSONNumber(value: negative ? -magnitude : magnitude, isIntegerLiteral: isIntegerLiteral, exactInteger: exactInteger)
    }
}
