import Essentials
import FoundationEssentials

/// A hand-written ISO-8601 / RFC 3339 reader and writer (FoundationEssentials has
/// no `DateFormatter`, and this is much faster than a format style).
enum ISO8601Parser {
    struct Parsed {
        var secondsSince1970: Double
        var hasTime: Bool
    }

    /// Why a text is not a date, phrased for the issue message.
    enum Problem: String, Error {
        case invalidCharacter = "invalid character"
        case tooShort = "input is too short"
        case monthOutOfRange = "month value is outside expected range of 1-12"
        case dayOutOfRange = "day value is outside expected range"
        case timeOutOfRange = "time value is outside expected range"
        case invalidOffset = "invalid timezone offset"
        case trailingCharacters = "unexpected extra characters at the end of the input"
    }

    static func parse(_ text: String) -> Result<Parsed, Problem> {
        var text = text
        return text.withUTF8 { bytes in parse(bytes) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Parsed, Problem> {
        var cursor = Cursor(bytes: bytes)
        do {
            let year = try cursor.digits(4)
            try cursor.expect(UInt8(ascii: "-"))
            let month = try cursor.digits(2)
            try cursor.expect(UInt8(ascii: "-"))
            let day = try cursor.digits(2)
            guard year >= 1 else { return .failure(.dayOutOfRange) }
            guard (1...12).contains(month) else { return .failure(.monthOutOfRange) }
            guard (1...daysIn(month: month, year: year)).contains(day) else { return .failure(.dayOutOfRange) }
            let days = CivilDate.daysSince1970(year: year, month: month, day: day)
            guard !cursor.atEnd else {
                return .success(Parsed(secondsSince1970: Double(days * 86_400), hasTime: false))
            }
            guard cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: "t")) || cursor.take(UInt8(ascii: " ")) else {
                return .failure(.invalidCharacter)
            }
            let hour = try cursor.digits(2)
            try cursor.expect(UInt8(ascii: ":"))
            let minute = try cursor.digits(2)
            try cursor.expect(UInt8(ascii: ":"))
            let second = try cursor.digits(2)
            guard hour < 24, minute < 60, second < 60 else { return .failure(.timeOutOfRange) }
            var fraction = 0.0
            if cursor.take(UInt8(ascii: ".")) || cursor.take(UInt8(ascii: ",")) {
                fraction = try cursor.fraction()
            }
            let offsetSeconds = try cursor.offset()
            guard cursor.atEnd else { return .failure(.trailingCharacters) }
            let whole = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds
            return .success(Parsed(secondsSince1970: Double(whole) + fraction, hasTime: true))
        } catch {
            return .failure(error)
        }
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func digits(_ count: Int) throws(Problem) -> Int {
            guard index + count <= bytes.count else { throw .tooShort }
            var value = 0
            for _ in 0..<count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { throw .invalidCharacter }
                value = value * 10 + Int(digit)
                index += 1
            }
            return value
        }

        mutating func expect(_ byte: UInt8) throws(Problem) {
            guard index < bytes.count else { throw .tooShort }
            guard take(byte) else { throw .invalidCharacter }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// 1...9 digits of fractional seconds.
        mutating func fraction() throws(Problem) -> Double {
            var numerator = 0, denominator = 1
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
                guard denominator < 1_000_000_000 else { throw .invalidCharacter }
                numerator = numerator * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
                denominator *= 10
                index += 1
            }
            guard denominator > 1 else { throw .invalidCharacter }
            return Double(numerator) / Double(denominator)
        }

        /// `Z`, `±HH:MM`, `±HHMM`, or nothing (UTC); the offset east of UTC in seconds.
        mutating func offset() throws(Problem) -> Int {
            if atEnd { return 0 }
            if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
            let sign: Int
            if take(UInt8(ascii: "+")) { sign = 1 } else if take(UInt8(ascii: "-")) { sign = -1 } else { throw .invalidCharacter }
            let hours = try digits(2)
            _ = take(UInt8(ascii: ":"))
            let minutes = try digits(2)
            guard hours < 24, minutes < 60 else { throw .invalidOffset }
            return sign * (hours * 3_600 + minutes * 60)
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: CivilDate.isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC.
    static func format(_ date: Date) -> String {
        // Clamped to years 1...9999, which is all the four-digit form can say (and never traps on NaN).
        let seconds = date.timeIntervalSince1970
        let clamped = seconds.isNaN ? 0 : min(max(seconds, -62_135_596_800), 253_402_300_799.999)
        let milliseconds = Int((clamped * 1_000).rounded(.down))
        return UTCDateTime(epochMilliseconds: Int64(milliseconds)).iso8601
    }
}
